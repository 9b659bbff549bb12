package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database refusal reaches the user in Chinese, never as the database's text (which may quote a row). */
class DatabaseRefusalsTest {

    private static String message(String sqlState) {
        return DatabaseRefusals.message(new DataIntegrityViolationException("x",
                new SQLException("ERROR: new row violates check constraint; Failing row contains (1, 张三, 13800000000)", sqlState)));
    }

    @Test
    void eachKindOfRefusalHasItsOwnMessageAndNoSqlText() {
        assertThat(message("23505")).isEqualTo("与已有记录重复，未保存；请核对是否已经录入");
        assertThat(message("23514")).startsWith("数值不符合要求");
        assertThat(message("22003")).startsWith("数字超出允许范围");
        assertThat(message("23503")).startsWith("引用的记录不存在");
        assertThat(message("XX000")).isEqualTo("数据不符合要求，未保存；请核对后重试");
        for (String state : new String[] {"23505", "23514", "22003", "23503", "23502", "22001", "22P02", "XX000"}) {
            assertThat(message(state)).doesNotContain("Failing").doesNotContain("13800000000").doesNotContain("constraint");
        }
    }
}
