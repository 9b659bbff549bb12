package org.anju.platform;

import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

/**
 * What a refusal by the database means to the user, in Chinese and without the database's own text: a
 * "Failing row contains …" or a constraint name says nothing to an official and may show other rows' data.
 * The features check what they can before writing; this is the last line.
 *
 * <p>A duplicate (SQLSTATE 23505, a unique index) is a {@link Conflict} — 409 {@code CONFLICT}, CLI exit 4 — as the
 * feature's own check of the same thing is: it is the answer a request racing its twin gets (a double-click, a retry
 * sent while the first was still running) when the feature's check ran before the twin's insert was committed. It was a
 * 400 {@code BAD_INPUT} "请求有误", so a retrying client took it for its own mistake (double-submit trial, defect 13).
 * Every other refusal is bad input.
 */
public final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /** The refusal the database's refusal is: a {@link Conflict} for a duplicate, else {@link BadInput}, in Chinese. */
    public static Refusal refusal(DataIntegrityViolationException e) {
        String message = message(e);
        return "23505".equals(state(e)) ? new Conflict(message) : new BadInput(message);
    }

    private static String state(DataIntegrityViolationException e) {
        return e.getMostSpecificCause() instanceof SQLException s ? s.getSQLState() : null;
    }

    public static String message(DataIntegrityViolationException e) {
        String state = state(e);
        if (state == null) {
            return "数据不符合要求，未保存；请核对后重试";
        }
        return switch (state) {
            case "23505" -> "与已有记录重复，未保存；请核对是否已经录入";
            case "23503" -> "引用的记录不存在或已被删除，未保存；请刷新后重试";
            case "23502" -> "缺少必填项，未保存；请补全后重试";
            case "23514" -> "数值不符合要求（超出允许范围或与其他栏目矛盾），未保存；请核对后重试";
            case "22003" -> "数字超出允许范围，未保存；请核对数值和单位";
            case "22001" -> "文字太长，未保存；请缩短后重试";
            case "22P02", "22007", "22008" -> "数据格式不对，未保存；请核对后重试";
            default -> "数据不符合要求，未保存；请核对后重试";
        };
    }
}
