package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operators' settings refused before use, with the setting's name and how to write it (operator trial, sixth session). */
class SettingChecksTest {

    static void check(String property, String value) {
        SettingChecks.check(new MockEnvironment().withProperty(property, value));
    }

    static SettingProblem refused(String property, String value) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> check(property, value));
        assertThat(t).as(property + "=" + value).isInstanceOf(SettingProblem.class);
        return (SettingProblem) t;
    }

    @Test
    void aTimeWithoutItsUnitIsRefusedNotTakenAsMilliseconds() {
        SettingProblem p = refused("anju.shutdown.drain", "6");
        assertThat(p.getMessage()).isEqualTo("设置 ANJU_SHUTDOWN_DRAIN（anju.shutdown.drain）的值“6”没有单位：是秒还是毫秒，不猜");
        assertThat(p.action()).contains("6s（秒）", "6ms（毫秒）", "改正环境变量 ANJU_SHUTDOWN_DRAIN");
        // 0 is 0 in any unit
        assertThatCode(() -> check("anju.shutdown.drain", "0")).doesNotThrowAnyException();
    }

    @Test
    void timesThatAreNoTimesOrNegativeAreRefused() {
        assertThat(refused("anju.web.request-wait", "six").getMessage()).contains("ANJU_REQUEST_WAIT", "“six”不是时长");
        assertThat(refused("anju.db.pool-timeout", "-5s").getMessage()).contains("ANJU_DB_POOL_TIMEOUT", "负的时长");
        assertThat(refused("spring.lifecycle.timeout-per-shutdown-phase", "30 seconds").getMessage()).contains("ANJU_SHUTDOWN_TIMEOUT");
        for (String ok : new String[] {"6s", "500ms", "2m", "1h", "PT30S", " 5s "}) {
            assertThatCode(() -> check("anju.db.replica.max-lag", ok)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void timesShorterThanTheirUserCanTakeAreRefusedNotReplacedByTheDefault() {
        // before: DatabaseProperties took 100ms as 5 s and a Retry-After of 0 as 5 s, without a word
        SettingProblem p = refused("anju.db.pool-timeout", "100ms");
        assertThat(p.getMessage()).isEqualTo(
                "设置 ANJU_DB_POOL_TIMEOUT（anju.db.pool-timeout）的值“100ms”短于 250ms：连接池（HikariCP）最短只能等 250 毫秒");
        assertThat(p.action()).startsWith("写一个不短于 250ms 的时长，或不设（用默认值）。").contains("ANJU_DB_POOL_TIMEOUT");
        assertThat(refused("anju.db.retry-after", "0").getMessage()).contains("ANJU_DB_RETRY_AFTER", "短于 1s", "整秒");
        assertThat(refused("anju.db.retry-after", "500ms").getMessage()).contains("短于 1s");
        assertThat(refused("anju.db.replica.check-interval", "0s").getMessage()).contains("anju.db.replica.check-interval", "短于 1ms");
        // a bare number is still refused for its missing unit first
        assertThat(refused("anju.db.replica.check-interval", "500").getMessage()).contains("没有单位");
        for (String ok : new String[] {"250ms", "1s", "30s"}) {
            assertThatCode(() -> check("anju.db.pool-timeout", ok)).as(ok).doesNotThrowAnyException();
            assertThatCode(() -> check("anju.db.retry-after", ok.equals("250ms") ? "1s" : ok)).as(ok).doesNotThrowAnyException();
        }
        assertThatCode(() -> check("anju.db.replica.check-interval", "200ms")).doesNotThrowAnyException();
    }

    @Test
    void countsMustBeWholeNumbers() {
        assertThat(refused("anju.db.maximum-pool-size", "abc").getMessage())
                .isEqualTo("设置 ANJU_DB_POOL_SIZE（anju.db.maximum-pool-size）的值“abc”不是正整数");
        refused("anju.db.maximum-pool-size", "0");
        refused("anju.web.concurrent-requests", "-1");
        refused("anju.security.concurrent-password-checks", "2.5");
        assertThatCode(() -> check("anju.web.concurrent-requests", "0")).doesNotThrowAnyException();
        assertThatCode(() -> check("anju.db.maximum-pool-size", "20")).doesNotThrowAnyException();
    }

    @Test
    void theLogFormatIsOneSpringBootWrites() {
        assertThat(refused("logging.structured.format.console", "json").action()).contains("ecs、logstash 或 gelf");
        for (String ok : new String[] {"ecs", "logstash", "gelf", ""}) {
            assertThatCode(() -> check("logging.structured.format.console", ok)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void scheduleSwitchAndPortAreWhatTheirUsersRead() {
        // operator trial (tenth session): a Unix cron stopped the start with Spring's English and 32 frames
        SettingProblem unix = refused("anju.scheduling.reminders-cron", "0 * * * *");
        assertThat(unix.getMessage()).isEqualTo("设置 ANJU_REMINDERS_CRON（anju.scheduling.reminders-cron）的值“0 * * * *”"
                + "不是 Spring 的 cron 表达式：它有 5 个字段（Unix cron），Spring 的有 6 个，第一个是秒");
        assertThat(unix.action()).contains("0 0 * * * *", "写 - 则不执行");
        assertThat(refused("anju.scheduling.cleanup-cron", "bogus").getMessage()).contains("ANJU_CLEANUP_CRON", "不是 Spring 的 cron")
                .doesNotContain("5 个字段");
        assertThat(refused("anju.scheduling.cleanup-cron", "").getMessage()).contains("ANJU_CLEANUP_CRON", "是空的");
        for (String ok : new String[] {"-", "0 */10 * * * *", "0 0 9 * * MON-FRI", "@hourly"}) {
            assertThatCode(() -> check("anju.scheduling.cleanup-cron", ok)).as(ok).doesNotThrowAnyException();
        }
        assertThat(refused("anju.demo.enabled", "maybe").getMessage())
                .isEqualTo("设置 ANJU_DEMO_ENABLED（anju.demo.enabled）的值“maybe”不是 true 或 false");
        assertThatCode(() -> check("anju.demo.enabled", "FALSE")).doesNotThrowAnyException();
        assertThat(refused("server.port", "abc").getMessage()).isEqualTo("设置 PORT（server.port）的值“abc”不是端口号");
        refused("server.port", "70000");
        assertThatCode(() -> check("server.port", "0")).as("a test's random port").doesNotThrowAnyException();
        assertThatCode(() -> check("server.port", "8080")).doesNotThrowAnyException();
    }

    /**
     * Operator trial (fifteenth session): settings the README documents that were not checked. A bare 15 for the
     * heartbeat was 15 ms (every running import 中断 on the other nodes), "abc" stopped the start with 32 frames,
     * ANJU_SECURE_COOKIE=ture with Spring's English, and a libpq address was "check the host and port" with its password
     * printed twice.
     */
    @Test
    void theClusterSettingsTheReadmeDocumentsAreCheckedToo() {
        assertThat(refused("anju.jobs.heartbeat-timeout", "15").getMessage()).contains("ANJU_JOBS_HEARTBEATTIMEOUT", "没有单位");
        assertThat(refused("anju.jobs.heartbeat-timeout", "500ms").getMessage()).contains("短于 2s", "中断");
        assertThatCode(() -> check("anju.jobs.heartbeat-timeout", "15s")).doesNotThrowAnyException();
        assertThat(refused("anju.regions.refresh-interval", "abc").getMessage())
                .contains("ANJU_REGIONS_REFRESHINTERVAL", "不是时长");
        assertThat(refused("anju.regions.refresh-interval", "10ms").getMessage()).contains("短于 1s");
        assertThatCode(() -> check("anju.regions.refresh-interval", "PT10S")).doesNotThrowAnyException();
        assertThat(refused("server.servlet.session.cookie.secure", "ture").getMessage())
                .isEqualTo("设置 ANJU_SECURE_COOKIE（server.servlet.session.cookie.secure）的值“ture”不是 true 或 false");
        assertThat(refused("anju.imports.max-running", "two").getMessage()).contains("ANJU_IMPORTS_MAXRUNNING", "不是正整数");
        refused("anju.report.deadline-day", "0");
        assertThatCode(() -> check("anju.imports.max-queued", "0")).doesNotThrowAnyException();

        SettingProblem libpq = refused("anju.db.url", "postgres://anju:s3cret@127.0.0.1:5432/anju");
        assertThat(libpq.getMessage()).isEqualTo("设置 ANJU_DB_URL（anju.db.url）的值“postgres://anju:***@127.0.0.1:5432/anju”"
                + "不是 PostgreSQL 的 JDBC 地址");
        assertThat(libpq.action()).contains("jdbc:postgresql://", "ANJU_DB_PASSWORD").doesNotContain("s3cret");
        assertThat(refused("anju.db.replica.url", "127.0.0.1:5433").getMessage()).contains("ANJU_DB_REPLICA_URL");
        assertThatCode(() -> check("anju.db.url", "jdbc:postgresql://db1:5432/anju?ApplicationName=a")).doesNotThrowAnyException();
        assertThatCode(() -> check("anju.db.url", "")).as("unset: the embedded database").doesNotThrowAnyException();
    }

    /**
     * A web port another process holds is found when the web server is made, before the database is started and
     * migrated (operator trial: 47 s into the start, when Tomcat bound it; then Spring's PortInUseException).
     */
    @Test
    void aTakenPortIsFoundBeforeTheStart() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PortCheck.portFree("127.0.0.1", String.valueOf(port)));
            assertThat(t).isInstanceOf(SettingProblem.class).hasMessage("网站端口 " + port + " 已被其他进程占用，无法启动网站");
            assertThat(((SettingProblem) t).action()).contains("PORT");
            // the application itself: refused when its web server is made, before the database (a throw-away one here)
            Throwable start = org.assertj.core.api.Assertions.catchThrowable(() -> new SpringApplicationBuilder(
                    org.anju.AnjuApplication.class).run("--server.port=" + port, "--server.address=127.0.0.1",
                    "--anju.demo.enabled=false", "--anju.db.ephemeral=true").close());
            assertThat(start).hasRootCauseInstanceOf(SettingProblem.class)
                    .hasStackTraceContaining("网站端口 " + port + " 已被其他进程占用");
        }
        assertThatCode(() -> PortCheck.portFree(null, "0")).doesNotThrowAnyException();
    }

    /**
     * Only a context that binds a port checks it: a test on a mock server makes the web server factory too, and every
     * such test failed while 8080 was taken (review of the fifteenth session). And only a port in use is "taken": an
     * address this host does not have is Tomcat's to say, as before.
     */
    @Test
    void onlyAServerThatWillBindChecksAndOnlyAPortInUseIsTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
                    .withProperty("server.port", String.valueOf(taken.getLocalPort()))
                    .withProperty("server.address", "127.0.0.1");
            assertThatCode(() -> new PortCheck(environment,
                    new org.springframework.web.context.support.GenericWebApplicationContext()).customize(null))
                    .as("a mock server's context").doesNotThrowAnyException();
            assertThatThrownBy(() -> new PortCheck(environment,
                    new org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext())
                    .customize(null)).isInstanceOf(SettingProblem.class);
        }
        // TEST-NET-1: no host has it; Tomcat says "Cannot assign requested address" itself
        assertThatCode(() -> PortCheck.portFree("192.0.2.1", "18999")).doesNotThrowAnyException();
    }

    /**
     * The address's ports and the driver's parameters are checked with the settings, before any connection (operator
     * trial F6: ?prepareThreshold=x stopped the start with 129 stack frames and the driver's English; a port "abc" and
     * ?sslmode=bogus were told as a server refusing the connection, to check host, port and firewall).
     */
    @Test
    void anAddressIsCheckedPartByPartBeforeAnyConnection() {
        SettingProblem threshold = refused("anju.db.url", "jdbc:postgresql://localhost:5432/anju?prepareThreshold=x");
        assertThat(threshold.getMessage())
                .isEqualTo("设置 ANJU_DB_URL（anju.db.url）的参数 prepareThreshold 的值“x”不是整数");
        assertThat(threshold.action()).contains("prepareThreshold=5", "改正环境变量 ANJU_DB_URL");
        SettingProblem port = refused("anju.db.url", "jdbc:postgresql://localhost:abc/anju");
        assertThat(port.getMessage()).isEqualTo("设置 ANJU_DB_URL（anju.db.url）中主机 localhost 的端口“abc”不是端口号");
        assertThat(port.action()).contains("1 到 65535");
        assertThat(refused("anju.db.url", "jdbc:postgresql://a:5432,b:99999/anju").getMessage()).contains("主机 b 的端口“99999”");
        SettingProblem mode = refused("anju.db.replica.url", "jdbc:postgresql://db2/anju?sslmode=bogus");
        assertThat(mode.getMessage()).isEqualTo("设置 ANJU_DB_REPLICA_URL（anju.db.replica.url）的参数 sslmode 的值“bogus”不是可用的值");
        assertThat(mode.action()).contains("verify-full", "ANJU_DB_REPLICA_URL");
        // the driver reads any word but true as false: ssl=ture connected without TLS
        assertThat(refused("anju.db.url", "jdbc:postgresql://db1/anju?ssl=ture").getMessage()).contains("ssl", "不是 true 或 false");
        assertThat(refused("anju.db.url", "jdbc:postgresql://db1/anju?tcpKeepAlive=yes").getMessage()).contains("tcpKeepAlive");
        assertThat(refused("anju.db.url", "jdbc:postgresql://db1:5432").getMessage()).contains("缺少数据库名");
        assertThat(refused("anju.db.url", "jdbc:postgresql://db1/anju?ApplicationName=%zz").getMessage()).contains("无法识别");
        assertThat(refused("anju.db.url", "jdbc:postgresql://db1/anju?sslpassword=s3cret&connectTimeout=ten").getMessage())
                .contains("connectTimeout").doesNotContain("s3cret");
        for (String ok : new String[] {"jdbc:postgresql://db1:5432,db2:5433/anju?targetServerType=primary&connectTimeout=5",
                "jdbc:postgresql://[::1]:5432/anju?sslmode=verify-full&ssl", "jdbc:postgresql:anju",
                "jdbc:postgresql://db1/anju?loginTimeout=1.5&ssl=true&SSLMODE=require&unknownToTheDriver=x",
                "jdbc:postgresql://:5432/anju?prepareThreshold=0&tcpKeepAlive=TRUE&autosave=conservative",
                // what the driver took before and still takes (review of the twentieth session, M1): no host, a
                // parameter it no longer reads, one without a value
                "jdbc:postgresql:///anju", "jdbc:postgresql://db1/anju?loggerLevel=INFO&loggerFile=x.log",
                "jdbc:postgresql://db1/anju?tcpKeepAlive&prepareThreshold="}) {
            assertThatCode(() -> check("anju.db.url", ok)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void anAddressWithAUserAndPasswordIsRefusedMasked() {
        SettingProblem p = refused("anju.db.url", "jdbc:postgresql://anju:s3cret@127.0.0.1:5432/anju");
        assertThat(p.getMessage()).contains("jdbc:postgresql://anju:***@127.0.0.1:5432/anju").doesNotContain("s3cret");
        assertThatCode(() -> check("anju.db.url", "jdbc:postgresql://db1:5432/anju?ApplicationName=a@b"))
                .as("an @ in the query is no user").doesNotThrowAnyException();
        for (String yes : new String[] {"on", "YES", "1", "off", "no", "0"}) {
            assertThatCode(() -> check("server.servlet.session.cookie.secure", yes)).as("Spring's spelling " + yes)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theApplicationStopsBeforeUsingIt() {
        // before the database (none is configured to be reached) and before logging is set up
        assertThatThrownBy(() -> new SpringApplicationBuilder(org.anju.AnjuApplication.class).web(WebApplicationType.NONE)
                .run("--anju.shutdown.drain=6", "--anju.demo.enabled=false").close())
                .isInstanceOf(SettingProblem.class).hasMessageContaining("没有单位");
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null, (type, name, failure) -> {
        })).as("explained by our analyzer (META-INF/spring.factories)").anyMatch(a -> a instanceof StartupProblemFailureAnalyzer);
        var analysis = new StartupProblemFailureAnalyzer().analyze(new IllegalStateException("wrapped", new SettingProblem("d", "a")));
        assertThat(analysis.getDescription()).isEqualTo("d");
        assertThat(analysis.getAction()).isEqualTo("a");
    }
}
