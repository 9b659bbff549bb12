package org.anju.account;

import java.time.Instant;
import java.util.Map;

/**
 * One change of one row, from the append-only audit trail.
 *
 * @param actor       username (or system, cli:&lt;os user&gt;, db:&lt;database user&gt;)
 * @param actorRegion code of the region the actor was bound to
 * @param key         the audited table's key columns and their values
 * @param op          INSERT, UPDATE or DELETE
 * @param before      the row before (null for INSERT)
 * @param after       the row after (null for DELETE)
 * @param txId        the database transaction: entries with the same id were made together
 */
public record AuditEntry(long id, Instant at, String actor, String actorName, String actorRegion, Channel via,
                         String table, Map<String, Object> key, String op, Map<String, Object> before,
                         Map<String, Object> after, long txId) {

    /** 新增, 修改, 删除. */
    public String opLabel() {
        return switch (op) {
            case "INSERT" -> "新增";
            case "UPDATE" -> "修改";
            case "DELETE" -> "删除";
            default -> op;
        };
    }

    /** 页面, 接口, 导入, 命令行, 系统. */
    public String viaLabel() {
        return label(via);
    }

    public static String label(Channel via) {
        return switch (via) {
            case UI -> "页面";
            case API -> "接口";
            case IMPORT -> "导入";
            case CLI -> "命令行";
            case SYSTEM -> "系统";
        };
    }
}
