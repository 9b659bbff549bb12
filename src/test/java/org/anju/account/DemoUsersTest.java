package org.anju.account;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The start's warning about the demo accounts says what happened: created now, or there already (seventh session). */
@AnjuTest
@TestPropertySource(properties = "anju.demo.enabled=true")   // SeedDataTest's context: the demo data are there
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTest {

    @Autowired
    DemoUsers demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWarningSaysWhichAccountsWereCreatedAndWhichWereThere(CapturedOutput output) {
        int accounts = demo.all().size();
        int before = output.getAll().length();
        demo.createAll();   // the next start: every account is there since this context's start
        String second = output.getAll().substring(before);
        assertThat(second).doesNotContain("已创建示例账号")
                .contains("示例账号（密码公开，仅供演示）已存在：" + accounts + " 个，如 [" + demo.all().getFirst().username());
        assertThat(jdbc.sql("select count(*) from users where username in (:names)")
                .param("names", demo.all().stream().map(DemoUsers.DemoUser::username).toList()).query(Integer.class).single())
                .isEqualTo(accounts);
    }
}
