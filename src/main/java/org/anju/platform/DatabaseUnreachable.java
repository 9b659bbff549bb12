package org.anju.platform;

import org.springframework.core.env.Environment;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database could not be reached, or refused the login, at start: told as an operator can act on it (which address,
 * which user, which setting to check), for Spring Boot's "APPLICATION FAILED TO START" ({@link
 * DatabaseUnreachableFailureAnalyzer}) and the command line (org.anju.cli.Cli) — instead of a driver's stack trace. It is
 * always the primary's: the replica's pools start without a connection and reads fall back to the primary
 * (DatabaseConfiguration), so an unreachable replica never stops a start.
 *
 * @param description what is wrong, naming the address and the user (never the password)
 * @param action      what to check, naming the settings
 */
public record DatabaseUnreachable(String description, String action) {

    private static final Pattern HOST = Pattern.compile("//([^/?]*)");
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&](?:ssl)?password=)[^&]*");

    /** From the settings the application connected with (anju.db.url, anju.db.user); null when none of this. */
    public static DatabaseUnreachable of(Throwable failure, Environment environment) {
        String url = environment == null ? null : environment.getProperty("anju.db.url");
        String user = environment == null ? null : environment.getProperty("anju.db.user");
        return of(failure, url, user);
    }

    /**
     * {@code url} with the value of a {@code password=} parameter, and a password before {@code @}, shown as
     * {@code ***}: a URL as it may be printed (operator trial: {@code postgres://anju:secret@…} was printed twice).
     */
    public static String masked(String url) {
        String text = PASSWORD.matcher(url).replaceAll("$1***");
        // user:password@ after //, the password up to the last @ (it may hold @, / or ?: review of the fifteenth
        // session); an @ in the query makes this mask more than the password, never less
        int start = text.indexOf("//");
        int at = text.lastIndexOf('@');
        if (start < 0 || at < start) {
            return text;
        }
        int colon = text.indexOf(':', start + 2);
        return colon < 0 || colon > at ? text : text.substring(0, colon + 1) + "***" + text.substring(at);
    }

    /** Whether the address holds a user (and maybe a password) before its host: {@code //user:secret@host}. */
    public static boolean hasUserInfo(String url) {
        int start = url.indexOf("//");
        int query = url.indexOf('?', Math.max(start, 0));
        int at = url.indexOf('@', Math.max(start, 0));
        return start >= 0 && at > start && (query < 0 || at < query);
    }

    /** The first failure in the chain that says so, or null. */
    public static DatabaseUnreachable of(Throwable failure, String url, String user) {
        boolean embedded = url == null || url.isBlank();
        String where = embedded ? "内置数据库（ANJU_DATA_DIR）" : "数据库 " + masked(url);
        boolean named = user != null && !user.isBlank();
        // in brackets (无法连接…（用户 anju）) and as the subject (拒绝了用户 anju 的登录), said plainly when not set
        String who = named ? "用户 " + user : "未设置 ANJU_DB_USER";
        String subject = named ? "用户 " + user + " " : "默认用户（未设置 ANJU_DB_USER）";
        String restart = "；改正后重新启动。";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof SQLException s ? s.getSQLState() : null;
            if ("28P01".equals(state)) {
                return new DatabaseUnreachable(where + " 拒绝了" + subject + "的登录：密码不对（SQLSTATE 28P01）。",
                        "请检查 ANJU_DB_PASSWORD 是否是数据库中该用户的密码，ANJU_DB_USER 是否是该用户" + restart);
            }
            if ("28000".equals(state)) {
                return new DatabaseUnreachable(where + " 不允许" + subject + "连接：该用户不存在，或服务器的 pg_hba.conf 不允许"
                        + "从本机以它连接（SQLSTATE 28000）。",
                        "请检查 ANJU_DB_USER，以及数据库服务器 pg_hba.conf 中是否有允许本机以该用户连接的一行" + restart);
            }
            if ("3D000".equals(state)) {
                return new DatabaseUnreachable(where + " 不存在：服务器上没有这个数据库（SQLSTATE 3D000；" + who + "）。",
                        "请检查 ANJU_DB_URL 末尾的数据库名；新服务器须先建库，如 createdb -O " + (user == null ? "用户" : user)
                                + " anju" + restart);
            }
            if ("08004".equals(state) && t.getMessage() != null && t.getMessage().contains("does not support SSL")) {
                // sslmode=require against a server without TLS: no host or port is wrong (operator trial)
                return new DatabaseUnreachable(where + " 不支持 SSL，而连接要求 SSL（ANJU_DB_URL 中的 sslmode 参数；SQLSTATE 08004）。",
                        "请在数据库服务器上启用 SSL（postgresql.conf 的 ssl = on 及证书），或去掉 ANJU_DB_URL 中的 sslmode=require"
                                + restart);
            }
            String why = reason(t, state, url);
            if (why != null) {
                String hostPort = host(url);
                return new DatabaseUnreachable("无法连接" + where + "（" + who + "）：" + why + "。",
                        embedded ? "内置数据库由应用自己启动：请查看上面的日志，检查 ANJU_DATA_DIR 所在磁盘" + restart
                                : "请检查 ANJU_DB_URL 中的主机和端口" + (hostPort == null ? "" : "（" + hostPort + "）")
                                + "是否正确，数据库服务器是否在运行，防火墙是否放行该端口" + restart);
            }
        }
        return null;
    }

    /** Why no connection could be made, or null: the driver's connection states, or the socket's own failures. */
    private static String reason(Throwable t, String state, String url) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                // the host as the address names it, without a user:password@ the driver took for part of the name
                String host = host(url);
                return "找不到主机 " + (host != null ? host : c.getMessage() == null ? "" : masked("//" + c.getMessage()).substring(2));
            }
            if (c instanceof ConnectException) {
                return "服务器拒绝连接（端口上没有数据库在监听）";
            }
            if (c instanceof SocketTimeoutException) {
                return "连接超时（服务器没有应答）";
            }
        }
        if ("08001".equals(state) || "08004".equals(state)) {
            return "服务器拒绝了连接（SQLSTATE " + state + "）";
        }
        return null;
    }

    private static String host(String url) {
        Matcher m = HOST.matcher(url == null ? "" : url);
        return m.find() ? m.group(1).substring(m.group(1).lastIndexOf('@') + 1) : null;
    }
}
