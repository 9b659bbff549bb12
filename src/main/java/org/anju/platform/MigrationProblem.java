package org.anju.platform;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import java.sql.SQLException;

/**
 * A migration of this jar failed at start (the web app's or a command's): the application does not start, and says
 * which migration, what the database answered and what to do ({@link StartupProblemFailureAnalyzer}). Operator trial
 * (F8): a database restored from a backup whose history had lost a row while its tables stayed printed Flyway's and
 * Spring's 155-line stack trace, exit 3, with "Failed to execute script V52_0__identification.sql" and "relation …
 * already exists" somewhere in it. Every migration here runs in a transaction (PostgreSQL's DDL is transactional), so
 * the failed one changed nothing; the migrations before it in the same start stay applied.
 */
public final class MigrationProblem extends IllegalStateException implements StartupProblem {

    private final String script;
    private final String action;

    MigrationProblem(FlywayMigrateException e) {
        this(e, sqlCause(e));
    }

    /** @param sql the database's error under Flyway's, found once for the description and the advice */
    private MigrationProblem(FlywayMigrateException e, SQLException sql) {
        super(description(e, sql), e);
        MigrationInfo m = e.getMigration();
        this.script = m == null ? null : m.getScript();
        this.action = action(sql == null ? null : sql.getSQLState(), e.isExecutableInTransaction());
    }

    /** The failed migration's script (a SQL file's name, a Java migration's class), or null when Flyway did not say. */
    public String script() {
        return script;
    }

    private static String description(FlywayMigrateException e, SQLException sql) {
        MigrationInfo m = e.getMigration();
        String which = m == null ? "一个数据库迁移"
                : "数据库迁移 " + m.getScript() + "（" + (m.getVersion() == null ? "可重复执行的迁移" : "版本 " + m.getVersion())
                + "：" + m.getDescription() + "）";
        String answer;
        if (sql != null) {
            answer = "数据库报错：" + firstLine(sql.getMessage()).replaceFirst("^(ERROR|错误|FATAL|致命错误): *", "")
                    + (sql.getSQLState() == null ? "" : "（SQLSTATE " + sql.getSQLState()
                    + (e.getLineNumber() > 0 ? "，脚本第 " + e.getLineNumber() + " 行" : "") + "）");
        } else {
            Throwable last = e;
            while (last.getCause() != null && last.getCause() != last) {
                last = last.getCause();
            }
            answer = "原因：" + firstLine(String.valueOf(last.getMessage()));
        }
        String done = e.isExecutableInTransaction()
                ? "这一迁移的改动已全部回滚（它之前的迁移仍保留），安居没有启动"
                : "这一迁移不在事务中执行，它的改动可能已部分生效，安居没有启动";
        return which + "执行失败。" + answer + "。" + done;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int end = s.indexOf('\n');
        return (end < 0 ? s : s.substring(0, end)).strip();
    }

    @Override
    public String action() {
        return action;
    }

    /**
     * What to do, by the database's SQLSTATE: a failure of the moment (a lock waited for too long, a deadlock, a full
     * disk, a lost connection) rolled the migration back and a start after its cause is removed is all it takes — a
     * restore would lose what was written since the backup (review of the twenty-first session, M3); anything else (a
     * structure or data the migration does not expect, or a migration not run in a transaction) is the backup's case.
     */
    static String action(String sqlState, boolean transactional) {
        String momentary = !transactional || sqlState == null || sqlState.length() < 2 ? null
                : switch (sqlState.substring(0, 2)) {
                    case "40" -> "与其他连接的死锁或串行化冲突（还有节点或程序在同时改这些表）";
                    case "53" -> "数据库服务器资源不足（磁盘、内存或连接数）";
                    case "55", "57" -> "等锁超时或语句被取消（另一个连接——如仍在运行的旧版本节点——持有这些表的锁，"
                            + "或数据库为这个用户设置了 lock_timeout、statement_timeout），或数据库正在停止";
                    case "08" -> "与数据库的连接中断";
                    case "58" -> "数据库服务器的系统错误（如磁盘读写）";
                    default -> null;
                };
        if (momentary != null) {
            return "原因是一时的：" + momentary + "。这一迁移已回滚，数据库没有改动，不需要恢复备份："
                    + "排除原因（先停下仍在运行的其他节点）后重新启动本版本即可。不要运行 Flyway 的 repair。";
        }
        return "数据库的结构或数据与本版本的迁移不符：常见的原因是它从不完整或被改动过的备份恢复而来、有人手工改过表或 "
                + "flyway_schema_history，或已有的数据不合这一迁移的要求。"
                + "不要运行 Flyway 的 repair，也不要手工增删 flyway_schema_history 的记录：那会让程序在不符的结构上运行。"
                + "先停下所有节点，恢复升级前（或出问题前）的备份：java -jar anju.jar restore --in 备份文件 --replace"
                + "（README「运维 / Operations」中的「升级 / Upgrading」），再启动本版本；恢复后仍在同一迁移失败，"
                + "请把这段信息连同 jar 的版本交给维护者。";
    }
}
