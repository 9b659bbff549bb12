package org.anju.platform;

import org.postgresql.PGProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A JDBC address's hosts, ports and parameters, checked when the settings are read, before any connection: the driver
 * checks them only when it connects, and its refusals reached the operator as a connection failure or not at all
 * (operator trial, F6: {@code ?prepareThreshold=x} stopped {@code user list} with 129 stack frames and the driver's
 * English; {@code //localhost:abc/} and {@code ?sslmode=bogus} were told as "服务器拒绝了连接", to check the host, port and
 * firewall). The parameters are the driver's own ({@link PGProperty}): one with a list of values must have one of them,
 * one whose default is a whole number a whole number, one whose default is true or false true or false — the driver
 * reads any other word as false, so {@code ssl=ture} meant {@code sslmode=prefer}: no certificate checked, and plain
 * text when the server offers no TLS. A parameter the driver does not know is
 * left to it (it ignores such).
 */
final class JdbcUrlCheck {

    /** Parameters whose values are not checked here: read by the driver in its own ways. */
    private static final Set<String> OWN_WAY = Set.of(
            "loginTimeout",      // seconds, may have a fraction (Driver: Float.parseFloat)
            "protocolVersion",   // 3, 3.0, 3.2… by the driver's version
            "requireAuth",       // a comma-separated list of the choices
            "maxResultBuffer",   // 10M, 50p…
            "ssl",               // the driver takes ssl with no value (ssl, ssl=) as true: below
            "loggerLevel",       // no longer read by the driver (its logging is java.util.logging's): any value starts
            "loggerFile");

    private JdbcUrlCheck() {
    }

    /** @throws SettingProblem naming {@code variable} ({@code property}), the part at fault and how to write it */
    static void check(String variable, String property, String url) {
        String name = variable + "（" + property + "）";
        String fix = "改正环境变量 " + variable + "（或配置项 " + property + "）后再启动。";
        String example = "如 jdbc:postgresql://db1.example.cn:5432/anju";
        String rest = url.substring("jdbc:postgresql:".length());
        if (rest.startsWith("//")) {
            int end = 2;
            while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
                end++;
            }
            String hosts = rest.substring(2, end);
            if (end == rest.length() || rest.charAt(end) != '/') {
                throw new SettingProblem("设置 " + name + "的值“" + DatabaseUnreachable.masked(url) + "”缺少数据库名",
                        "在主机和端口后写 /数据库名，" + example + "。" + fix);
            }
            // no host at all (jdbc:postgresql:///anju) is the driver's localhost
            for (String hostPort : hosts.isEmpty() ? new String[0] : hosts.split(",", -1)) {
                int close = hostPort.lastIndexOf(']');
                int colon = hostPort.lastIndexOf(':');
                if (hostPort.isEmpty()) {
                    throw new SettingProblem("设置 " + name + "中的主机“" + hostPort + "”是空的",
                            "写主机名或 IP 地址，多台主机用逗号隔开，" + example + "。" + fix);
                }
                if (colon > close) {
                    String port = hostPort.substring(colon + 1);
                    int n = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
                    if (n < 1 || n > 65535) {
                        throw new SettingProblem("设置 " + name + "中主机 " + hostPort.substring(0, colon) + " 的端口“" + port
                                + "”不是端口号", "端口写 1 到 65535 之间的整数（PostgreSQL 默认 5432），" + example + "。" + fix);
                    }
                }
            }
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {   // e.g. a % not followed by two hexadecimal digits
            throw new SettingProblem("设置 " + name + "的值“" + DatabaseUnreachable.masked(url) + "”无法识别为 JDBC 地址",
                    "写成 jdbc:postgresql://主机:端口/数据库名?参数=值&参数=值，" + example
                            + "；参数值中的 %、&、= 等写成 %25、%26、%3D。" + fix);
        }
        for (String parameter : parsed.stringPropertyNames()) {
            PGProperty p = PGProperty.forName(parameter);
            if (p == null || p == PGProperty.PG_HOST || p == PGProperty.PG_PORT || p == PGProperty.PG_DBNAME
                    || OWN_WAY.contains(p.getName())) {
                if (p == PGProperty.SSL) {
                    String v = parsed.getProperty(parameter);
                    if (!v.isEmpty() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw refused(name, fix, parameter, v, "不是 true 或 false",
                                "写 ssl=true（或用 sslmode=require、verify-full 等），或删去该参数");
                    }
                }
                continue;
            }
            String value = parsed.getProperty(parameter);
            if (value.isEmpty()) {
                continue;   // the parameter without a value (?tcpKeepAlive): the driver takes its default, as it did
            }
            String[] choices = p.getChoices();
            String byDefault = p.getDefaultValue();
            if (choices != null) {
                if (Arrays.stream(choices).noneMatch(c -> c.equalsIgnoreCase(value))) {
                    throw refused(name, fix, parameter, value, "不是可用的值", "写 " + String.join("、", choices)
                            + " 之一" + (byDefault == null ? "" : "（默认 " + byDefault + "）") + "，或删去该参数");
                }
            } else if (byDefault != null && byDefault.matches("-?\\d+")) {
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw refused(name, fix, parameter, value, "不是整数",
                            "写整数，如 " + parameter + "=" + byDefault + "（默认值），或删去该参数");
                }
            } else if (byDefault != null && (byDefault.equals("true") || byDefault.equals("false"))) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw refused(name, fix, parameter, value, "不是 true 或 false",
                            "写 " + parameter + "=true 或 " + parameter + "=false（默认 " + byDefault + "），或删去该参数");
                }
            }
        }
    }

    private static SettingProblem refused(String name, String fix, String parameter, String value, String what,
                                          String how) {
        String shown = parameter.toLowerCase(Locale.ROOT).contains("password") ? "***" : value;
        return new SettingProblem("设置 " + name + "的参数 " + parameter + " 的值“" + shown + "”" + what, how + "。" + fix);
    }
}
