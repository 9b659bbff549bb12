package org.anju.account;

import org.anju.platform.BadInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the audit page is narrowed to; every part optional.
 *
 * @param from   first day (Beijing time), inclusive
 * @param to     last day (Beijing time), inclusive
 * @param actor  a username, or part of a person's name
 * @param table  the table's code (report, project, users …)
 * @param region the operator's region: this one and below (within the reader's own)
 * @param op     INSERT, UPDATE or DELETE
 * @param via    UI, API, IMPORT, CLI or SYSTEM
 */
public record AuditFilter(LocalDate from, LocalDate to, String actor, String table, String region, String op,
                          Channel via) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    /** From the request's text; a malformed value is refused naming the parameter. */
    public static AuditFilter parse(String from, String to, String actor, String table, String region, String op,
                                    String via) {
        LocalDate f = date("from（起始日期）", from);
        LocalDate t = date("to（截止日期）", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw new BadInput("参数 to（截止日期）" + t + " 早于 from（起始日期）" + f + "，请调换或改正。");
        }
        String o = blank(op);
        if (o != null) {
            o = switch (o) {
                case "新增", "INSERT", "insert" -> "INSERT";
                case "修改", "UPDATE", "update" -> "UPDATE";
                case "删除", "DELETE", "delete" -> "DELETE";
                default -> throw new BadInput("参数 op（操作）只能是 新增、修改 或 删除（INSERT/UPDATE/DELETE），收到“" + o + "”。");
            };
        }
        Channel c = null;
        String v = blank(via);
        if (v != null) {
            for (Channel ch : Channel.values()) {
                if (ch.name().equalsIgnoreCase(v) || AuditEntry.label(ch).equals(v)) {
                    c = ch;
                }
            }
            if (c == null) {
                throw new BadInput("参数 via（方式）只能是 页面、接口、导入、命令行 或 系统（UI/API/IMPORT/CLI/SYSTEM），收到“" + v + "”。");
            }
        }
        String tb = blank(table);
        if (tb != null && !tb.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new BadInput("参数 table（对象类型）应为数据表代码，如 report、project、users，收到“" + tb + "”。");
        }
        return new AuditFilter(f, t, blank(actor), tb, blank(region), o, c);
    }

    private static LocalDate date(String name, String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadInput("参数 " + name + " 应为日期，如 2025-03-02，收到“" + t + "”。");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
