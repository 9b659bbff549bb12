package org.anju.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The operators' settings checked before anything uses them — before logging is set up, the database is started or a
 * bean is made. Found by an operator trial (issue 15, sixth session): {@code ANJU_SHUTDOWN_DRAIN=6} was taken as 6
 * milliseconds without a word (Spring reads a bare number as milliseconds), {@code =six} stopped the start with 39
 * stack frames, {@code ANJU_DB_POOL_SIZE=abc} with Spring's English "Failed to bind properties", {@code
 * ANJU_LOG_FORMAT=json} with 36 frames of "Unknown format". Now each stops the start with the setting's name, what is
 * wrong and how to write it ({@link SettingProblem}); a time without its unit is refused rather than guessed. A time
 * below what its user can take (HikariCP waits at least 250 ms; Retry-After counts whole seconds) is refused too,
 * rather than replaced by the default without a word, as {@link DatabaseProperties} did until the seventh session.
 */
class SettingChecks implements EnvironmentPostProcessor {

    enum Kind { DURATION, COUNT, POSITIVE, LOG_FORMAT, CRON, BOOLEAN, PORT, JDBC_URL }

    /**
     * @param least for a time, the shortest that means what it says, and why (null: 0 and more)
     */
    record Setting(String property, String variable, Kind kind, Least least) {
        Setting(String property, String variable, Kind kind) {
            this(property, variable, kind, null);
        }
    }

    /** The shortest time a setting takes, written as an operator writes it, and why nothing shorter. */
    record Least(String written, String why) {
        Duration duration() {
            return DurationStyle.detectAndParse(written);
        }
    }

    /** The least of these times, also {@link DatabaseProperties}' bounds for values given without this check. */
    static final Least POOL_TIMEOUT_LEAST = new Least("250ms", "连接池（HikariCP）最短只能等 250 毫秒");
    static final Least RETRY_AFTER_LEAST = new Least("1s", "它作为 Retry-After 告诉浏览器几秒后重试，以整秒计");
    static final Least CHECK_INTERVAL_LEAST = new Least("1ms", "间隔为 0 就不是间隔");
    static final Least HEARTBEAT_LEAST = new Least("2s",
            "导入任务的心跳至多每 250 毫秒写一次，更短的超时会让其他节点把正在运行的导入判为中断、回滚");
    static final Least REFRESH_LEAST = new Least("1s", "每个节点每次都要查询数据库");

    static final List<Setting> SETTINGS = List.of(
            new Setting("spring.lifecycle.timeout-per-shutdown-phase", "ANJU_SHUTDOWN_TIMEOUT", Kind.DURATION),
            new Setting("anju.shutdown.drain", "ANJU_SHUTDOWN_DRAIN", Kind.DURATION),
            new Setting("anju.session.touch-interval", "ANJU_SESSION_TOUCH_INTERVAL", Kind.DURATION),
            new Setting("anju.db.pool-timeout", "ANJU_DB_POOL_TIMEOUT", Kind.DURATION, POOL_TIMEOUT_LEAST),
            new Setting("anju.db.retry-after", "ANJU_DB_RETRY_AFTER", Kind.DURATION, RETRY_AFTER_LEAST),
            new Setting("anju.db.lock-timeout", "ANJU_DB_LOCK_TIMEOUT", Kind.DURATION),
            new Setting("anju.db.replica.max-lag", "ANJU_DB_REPLICA_MAX_LAG", Kind.DURATION),
            new Setting("anju.db.replica.check-interval", "ANJU_DB_REPLICA_CHECKINTERVAL", Kind.DURATION,
                    CHECK_INTERVAL_LEAST),
            new Setting("anju.web.request-wait", "ANJU_REQUEST_WAIT", Kind.DURATION),
            new Setting("anju.db.maximum-pool-size", "ANJU_DB_POOL_SIZE", Kind.POSITIVE),
            new Setting("anju.web.concurrent-requests", "ANJU_CONCURRENT_REQUESTS", Kind.COUNT),
            new Setting("anju.security.concurrent-password-checks", "ANJU_CONCURRENT_PASSWORD_CHECKS", Kind.COUNT),
            new Setting("logging.structured.format.console", "ANJU_LOG_FORMAT", Kind.LOG_FORMAT),
            // operator trial (tenth session): a Unix cron ("0 * * * *") stopped the start with Spring's "Encountered
            // invalid @Scheduled method" and 32 frames, "maybe" for the demo data with 36, PORT=abc in English
            new Setting("anju.scheduling.cleanup-cron", "ANJU_CLEANUP_CRON", Kind.CRON),
            new Setting("anju.scheduling.reminders-cron", "ANJU_REMINDERS_CRON", Kind.CRON),
            new Setting("anju.demo.enabled", "ANJU_DEMO_ENABLED", Kind.BOOLEAN),
            new Setting("server.port", "PORT", Kind.PORT),
            // operator trial (fifteenth session): settings the README documents that were not checked — "15" taken as
            // 15 ms for the heartbeat (every running import 中断 on the other nodes), "abc" 32 stack frames, "ture"
            // Spring's English binder text, a libpq URL with its password printed twice as "check host and port"
            new Setting("anju.db.url", "ANJU_DB_URL", Kind.JDBC_URL),
            new Setting("anju.db.replica.url", "ANJU_DB_REPLICA_URL", Kind.JDBC_URL),
            new Setting("anju.jobs.heartbeat-timeout", "ANJU_JOBS_HEARTBEATTIMEOUT", Kind.DURATION, HEARTBEAT_LEAST),
            new Setting("anju.regions.refresh-interval", "ANJU_REGIONS_REFRESHINTERVAL", Kind.DURATION, REFRESH_LEAST),
            new Setting("server.servlet.session.cookie.secure", "ANJU_SECURE_COOKIE", Kind.BOOLEAN),
            new Setting("anju.imports.max-running", "ANJU_IMPORTS_MAXRUNNING", Kind.POSITIVE),
            new Setting("anju.imports.max-queued", "ANJU_IMPORTS_MAXQUEUED", Kind.COUNT),
            new Setting("anju.imports.max-per-user", "ANJU_IMPORTS_MAXPERUSER", Kind.POSITIVE),
            new Setting("anju.imports.max-wait-seconds", "ANJU_IMPORTS_MAXWAITSECONDS", Kind.COUNT),
            new Setting("anju.import.preview-hours", "ANJU_IMPORT_PREVIEWHOURS", Kind.POSITIVE),
            new Setting("anju.report.deadline-day", "ANJU_REPORT_DEADLINEDAY", Kind.POSITIVE),
            new Setting("anju.reminders.report-due-soon-working-days", "ANJU_REMINDERS_REPORTDUESOONWORKINGDAYS",
                    Kind.COUNT));

    private static final Set<String> LOG_FORMATS = Set.of("ecs", "logstash", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    static void check(PropertyResolver environment) {
        dataDirectory(environment);
        for (Setting s : SETTINGS) {
            String value = environment.getProperty(s.property());
            if (value != null && value.isBlank() && s.kind() == Kind.CRON) {
                // set but empty (ANJU_CLEANUP_CRON=): no default takes its place, @Scheduled refused it in English
                throw new SettingProblem("设置 " + s.variable() + "（" + s.property() + "）是空的",
                        "写 Spring 的 cron 表达式（6 个字段，如 0 0 * * * *），写 - 则不执行，或不设（用默认值）。");
            }
            if (value != null && !value.isBlank()) {
                check(s, value.strip());
            }
        }
    }

    /**
     * The embedded database's data directory, when one is used (no ANJU_DB_URL, not the tests' throw-away server): a
     * file there stopped the start with a Java exception's name ({@link DataDirectorySetting}).
     */
    private static void dataDirectory(PropertyResolver environment) {
        String dir = environment.getProperty(DataDirectorySetting.PROPERTY);
        String url = environment.getProperty("anju.db.url");
        if (dir == null || dir.isBlank() || (url != null && !url.isBlank())
                || Boolean.parseBoolean(environment.getProperty("anju.db.ephemeral"))) {
            return;
        }
        String variable = environment.getProperty(DataDirectorySetting.VARIABLE);
        java.nio.file.Path path = java.nio.file.Path.of(dir.strip());
        // named by what set the value in force: the variable only when it is the one that won (a -D or --anju.db.data-dir
        // overrides it: review of the twenty-first session, L2)
        DataDirectorySetting.check(path, variable != null && variable.strip().equals(dir.strip()) ? DataDirectorySetting.VARIABLE
                : path.normalize().equals(DataDirectorySetting.DEFAULT) ? null : DataDirectorySetting.PROPERTY);
    }

    private static void check(Setting s, String value) {
        String name = s.variable() + "（" + s.property() + "）";
        String fix = "改正环境变量 " + s.variable() + "（或配置项 " + s.property() + "）后再启动。";
        switch (s.kind()) {
            case DURATION -> {
                if (value.matches("[+-]?\\d+") && Long.parseLong(value) != 0) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”没有单位：是秒还是毫秒，不猜",
                            "写明单位，如 " + value + "s（秒）、" + value + "ms（毫秒）或 " + value + "m（分钟）。" + fix);
                }
                Duration d;
                try {
                    d = DurationStyle.detectAndParse(value);
                } catch (IllegalArgumentException e) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是时长",
                            "写数字加单位，如 6s（秒）、500ms（毫秒）、2m（分钟）、1h（小时）。" + fix);
                }
                if (d.isNegative()) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”是负的时长", "写一个不小于 0 的时长，如 6s。" + fix);
                }
                if (s.least() != null && d.compareTo(s.least().duration()) < 0) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”短于 " + s.least().written() + "："
                            + s.least().why(), "写一个不短于 " + s.least().written() + " 的时长，或不设（用默认值）。" + fix);
                }
            }
            case COUNT, POSITIVE -> {
                int least = s.kind() == Kind.POSITIVE ? 1 : 0;
                int n;
                try {
                    n = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    n = Integer.MIN_VALUE;
                }
                if (n < least) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是" + (least == 1 ? "正整数" : "不小于 0 的整数"),
                            "写一个" + (least == 1 ? "正整数，如 10" : "整数，如 0（按连接池大小）或 20") + "。" + fix);
                }
            }
            case CRON -> {
                if (!value.equals("-") && !org.springframework.scheduling.support.CronExpression.isValidExpression(value)) {
                    int fields = value.split("\\s+").length;
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是 Spring 的 cron 表达式"
                            + (fields == 5 ? "：它有 5 个字段（Unix cron），Spring 的有 6 个，第一个是秒" : ""),
                            "写 6 个字段：秒 分 时 日 月 星期，如 0 0 * * * *（每小时整点）、0 */10 * * * *（每 10 分钟）；"
                                    + "写 - 则不执行。" + fix);
                }
            }
            case BOOLEAN -> {
                // Spring's own spellings of a boolean (StringToBooleanConverter), which the binder took before
                if (!Set.of("true", "false", "on", "off", "yes", "no", "1", "0").contains(value.toLowerCase(java.util.Locale.ROOT))) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是 true 或 false", "写 true 或 false。" + fix);
                }
            }
            case PORT -> {
                int port;
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是端口号",
                            "写 0 到 65535 之间的整数，如 8080（0：随机端口）。" + fix);
                }
            }
            case JDBC_URL -> {
                // the driver has no user:password@ (it takes it for part of the host's name, and said the password in
                // its "unknown host": review of the fifteenth session)
                if (!value.startsWith("jdbc:postgresql:") || DatabaseUnreachable.hasUserInfo(value)) {
                    String shown = DatabaseUnreachable.masked(value);
                    throw new SettingProblem("设置 " + s.variable() + "（" + s.property() + "）的值“" + shown
                            + "”不是 PostgreSQL 的 JDBC 地址", "写成 jdbc:postgresql://主机:端口/数据库名，如 "
                            + "jdbc:postgresql://db1.example.cn:5432/anju；用户和密码另设（ANJU_DB_USER、ANJU_DB_PASSWORD），"
                            + "不写进地址。改正后再启动。");
                }
                JdbcUrlCheck.check(s.variable(), s.property(), value);
            }
            case LOG_FORMAT -> {
                if (!LOG_FORMATS.contains(value)) {
                    throw new SettingProblem("设置 " + name + "的值“" + value + "”不是可用的日志格式",
                            "写 ecs、logstash 或 gelf（每行一个 JSON 对象），或不设（纯文本）。" + fix);
                }
            }
        }
    }
}
