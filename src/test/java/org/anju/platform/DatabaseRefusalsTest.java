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

    /**
     * A duplicate is a Conflict — 409 CONFLICT on the API and the pages, CLI exit 4 — as the feature's own check of it
     * is: the answer a request racing its twin gets (double-submit trial, defect 13); it was 400 BAD_INPUT. Anything
     * else the database refuses stays bad input.
     */
    @Test
    void aDuplicateIsAConflictEverywhereAndTheRestBadInput() throws Exception {
        DataIntegrityViolationException duplicate = new org.springframework.dao.DuplicateKeyException("x",
                new SQLException("ERROR: duplicate key value violates unique constraint \"ledger_unit_region_id_name_key\"", "23505"));
        assertThat(DatabaseRefusals.refusal(duplicate)).isInstanceOf(Conflict.class)
                .extracting(Refusal::getMessage).isEqualTo("与已有记录重复，未保存；请核对是否已经录入");
        assertThat(DatabaseRefusals.refusal(duplicate).kind().exitCode()).isEqualTo(org.anju.cli.Cli.CONFLICT);
        DataIntegrityViolationException range = new DataIntegrityViolationException("x", new SQLException("out of range", "22003"));
        assertThat(DatabaseRefusals.refusal(range)).isInstanceOf(BadInput.class);
        assertThat(DatabaseRefusals.refusal(new DataIntegrityViolationException("x"))).isInstanceOf(BadInput.class);

        org.springframework.http.ProblemDetail api = new ApiErrors(null).integrity(duplicate);
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getTitle()).isEqualTo("无法办理");
        assertThat(api.getDetail()).isEqualTo("与已有记录重复，未保存；请核对是否已经录入");
        assertThat(api.getProperties()).containsEntry("code", "CONFLICT");
        assertThat(new ApiErrors(null).integrity(range).getProperties()).containsEntry("code", "BAD_INPUT");

        PageErrors pages = new PageErrors(org.springframework.util.unit.DataSize.ofMegabytes(20), null, null);
        var page = pages.integrity(duplicate, new org.springframework.mock.web.MockHttpServletRequest("POST", "/ledger/units"),
                new org.springframework.mock.web.MockHttpServletResponse());
        assertThat(page.getStatus()).isEqualTo(org.springframework.http.HttpStatus.CONFLICT);
        assertThat(page.getModel()).containsEntry("problemTitle", "无法办理")
                .containsEntry("problemMessage", "与已有记录重复，未保存；请核对是否已经录入");
    }
}
