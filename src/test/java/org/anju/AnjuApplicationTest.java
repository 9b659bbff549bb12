package org.anju;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AnjuTest
class AnjuApplicationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresWithMigrationsApplied() {
        String version = jdbc.sql("show server_version").query(String.class).single();
        assertThat(version).startsWith("18");
        assertThat(jdbc.sql("select count(*) from app_setting").query(Long.class).single()).isZero();
    }
}
