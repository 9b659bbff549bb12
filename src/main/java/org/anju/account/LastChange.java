package org.anju.account;

import org.anju.platform.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who made the version of a row there now and when, read from the audit trail, for the refusal of a stale version:
 * "已被张三（zs）于 14:03修改" where it said "已被他人修改". 他人 was a guess, and a wrong one whenever the version had been
 * made by the user's own other window or earlier click (the double-submit trial); every audited table can answer this, so
 * no table needs an updated_by column of its own for it. Read inside the refused transaction, on the primary: the
 * change's entry is there.
 */
@Service
public class LastChange {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail trail;
    private final UserStore users;
    private final Access access;

    LastChange(JdbcClient jdbc, JsonMapper json, AuditTrail trail, UserStore users, Access access) {
        this.jdbc = jdbc;
        this.json = json;
        this.trail = trail;
        this.users = users;
        this.access = access;
    }

    /**
     * The whole refusal of a save at a version that is not the one there, in the one order and form every table says
     * it: "该花名册已被张三（zs）于 12月4日 14:03修改，请刷新后重试（当前版本 4，提交的版本 3）". For a version sent ahead
     * of the one there, "该花名册没有第 5 版（现为第 4 版），请刷新后重试": nobody changed the row after that read, so
     * nobody is named, and the versions {@link #missing} gives are not said again. The sites each built their own before,
     * in three orders ("（提交的版本 3，当前版本 4）" before or after the advice, "（当前版本 4，提交的版本 3）"), some
     * with only the version sent, repeated after "没有第 5 版" (review 25 L4).
     *
     * @param subject what was refused, as the user knows it: "该花名册", "合同 HT-1 "
     * @param changed what happened to it after the read, to follow the subject ("已被张三（zs）于 14:03修改", a table's
     *                own words such as 办理 or 答复); asked only when the version sent is not ahead
     * @param advice  what to do now: "请刷新后重试", "请刷新后核对"
     */
    public static String refusal(String subject, int sent, int current, Supplier<String> changed, String advice) {
        return refusal(subject, sent, current, changed, advice, "提交的版本");
    }

    /**
     * {@link #refusal(String, int, int, Supplier, String)} where the version came with something the user did not
     * submit ({@code sentAs}: "链接的版本" for a download link made from a page).
     */
    public static String refusal(String subject, int sent, int current, Supplier<String> changed, String advice,
                                 String sentAs) {
        return sent > current ? subject + missing(sent, current) + "，" + advice
                : subject + changed.get() + "，" + advice + "（当前版本 " + current + "，" + sentAs + " " + sent + "）";
    }

    /** {@link #refusal(String, int, int, Supplier, String)} naming who made the version of the row there ({@link #of}). */
    public String refusal(String subject, String table, Map<String, ?> key, int sent, int current, String advice) {
        return refusal(subject, sent, current, () -> "已" + of(table, key), advice);
    }

    /** {@link #refusal(String, String, Map, int, int, String)} for a table keyed by its {@code id}. */
    public String refusal(String subject, String table, long id, int sent, int current, String advice) {
        return refusal(subject, table, Map.of("id", id), sent, current, advice);
    }

    /**
     * A version sent that the row never had (yet): "没有第 5 版（现为第 4 版）" — no one is named, no one changed it after
     * that read: a restore from an older backup while the page was open, a wrong or hand-typed version in an API call.
     * Naming who made the version there named a change from before the read (guesses audit L3).
     */
    private static String missing(int sent, int current) {
        return "没有第 " + sent + " 版（现为第 " + current + " 版）";
    }

    /** {@link #of(String, Map)} for a table keyed by its {@code id}. */
    public String of(String table, long id) {
        return of(table, Map.of("id", id));
    }

    /**
     * The change that made the version of the row of {@code table} with {@code key} (its audit key columns) there now,
     * said to follow "已": "被张三（zs）于 12月4日 14:03修改", "被您本人的账号（通过导入）于 14:03修改",
     * "被命令行（root）于 …删除"; "被修改" when the trail holds nothing about the row (a table that is not audited): then
     * who is not known and not guessed. An update that left the version as it was is not that change: a failed sign-in
     * counting on the account, evidence added to a 认定 record, a key rotation's re-encryption — naming their makers
     * named the wrong person (review 24 H1; a table without a version column counts every update).
     */
    public String of(String table, Map<String, ?> key) {
        return of(table, key, "新建", "修改");
    }

    /**
     * {@link #of(String, Map)} with the table's own words for what a new row and a change of it are: an application's
     * every change is a step of its handling (办理), a county's historic total is 设定 when first given.
     */
    public String of(String table, Map<String, ?> key, String inserted, String updated) {
        record Entry(String actor, String actorName, OffsetDateTime at, String op, Channel via) {
        }
        boolean perStatement = jdbc.sql("select true from audit_table where table_name = ? and granularity = 'statement'")
                .param(table).query(Boolean.class).optional().isPresent();
        // a table audited per statement keeps its inserted and deleted rows inside the statement's entry, not by row key
        List<Entry> last = perStatement
                ? trail.history(table, key).reversed().stream().filter(LastChange::movedTheVersion).limit(1)
                .map(e -> new Entry(e.actor(), e.actorName(), e.at().atOffset(java.time.ZoneOffset.UTC), e.op(), e.via()))
                .toList()
                : jdbc.sql("""
                        select actor, actor_name, at, op, via from audit_log
                        where table_name = ? and row_key = cast(? as jsonb)
                          and (op <> 'UPDATE' or new -> 'version' is null
                               or (old ->> 'version') is distinct from (new ->> 'version'))
                        order by id desc limit 1""")
                .params(table, json.writeValueAsString(key))
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), Channel.valueOf(rs.getString(5))))
                .list();
        if (last.isEmpty()) {
            return "被修改";
        }
        Entry e = last.getFirst();
        return "被" + who(e.actor(), e.actorName(), e.via()) + "于 " + ChinaTime.spoken(e.at()) + switch (e.op()) {
            case "DELETE" -> "删除";
            case "INSERT" -> inserted;
            default -> updated;
        };
    }

    private static boolean movedTheVersion(AuditEntry e) {
        return !e.op().equals("UPDATE") || e.after() == null || !e.after().containsKey("version")
                || e.before() == null || !java.util.Objects.equals(e.before().get("version"), e.after().get("version"));
    }

    /**
     * The person by name, or what acted when it was no account: the name the trail recorded at the time for a sign-in's
     * 未登录用户 or an unnamed background task, else 系统, 命令行（root） — never the bare code ("anonymous", "cli:root");
     * the user's own account with the way the change came in ({@link Users#who(String, Channel)}).
     */
    private String who(String actor, String actorName, Channel via) {
        if (!UserStore.isAccount(actor) && actorName != null && !actorName.isBlank()
                && Users.named(users, actor).equals(actor)) {
            return actorName;
        }
        return Users.who(users, access, actor, via);
    }
}
