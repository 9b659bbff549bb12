package org.anju.platform;

import org.anju.MainProcess;
import org.anju.cli.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached or refuses the login at start: a Chinese description naming the address and the
 * user (never the password) and the setting to check — from the driver's real exceptions, on a throw-away server.
 */
class DatabaseUnreachableTest {

    static final String WRONG = "wrong-Secret-42";

    @AfterEach
    void clear() {
        for (String p : new String[] {"anju.db.url", "anju.db.user", "anju.db.password", "anju.privacy.key"}) {
            System.clearProperty(p);
        }
    }

    static SQLException connect(String url, String user, String password) {
        try (var c = DriverManager.getConnection(url, user, password)) {
            throw new AssertionError("connected to " + url);
        } catch (SQLException e) {
            return e;
        }
    }

    /** As Spring Boot hands it to the analyzers: inside the bean that first opened a connection. */
    static FailureAnalysis analyze(SQLException e, String url, String user) {
        MockEnvironment environment = new MockEnvironment().withProperty("anju.db.url", url)
                .withProperty("anju.db.user", user).withProperty("anju.db.password", WRONG);
        return new DatabaseUnreachableFailureAnalyzer(environment).analyze(new BeanCreationException("flyway",
                "Error creating bean", new IllegalStateException("Failed to initialize pool: " + e.getMessage(), e)));
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aWrongPasswordAndAMissingDatabaseNameTheirSettings() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral()) {
            String url = server.ensureDatabase("anju_unreachable");
            SQLException wrongPassword = connect(url, server.user(), WRONG);
            assertThat(wrongPassword.getSQLState()).isEqualTo("28P01");
            FailureAnalysis login = analyze(wrongPassword, url, server.user());
            assertThat(login.getDescription()).contains("数据库 " + url, "拒绝了用户 " + server.user(), "密码不对")
                    .doesNotContain(WRONG);
            assertThat(login.getAction()).contains("ANJU_DB_PASSWORD", "ANJU_DB_USER").doesNotContain(WRONG);

            String missing = url.replace("anju_unreachable", "no_such_db");
            SQLException noDatabase = connect(missing, server.user(), server.password());
            assertThat(noDatabase.getSQLState()).isEqualTo("3D000");
            FailureAnalysis database = analyze(noDatabase, missing, server.user());
            assertThat(database.getDescription()).contains("数据库 " + missing, "不存在");
            assertThat(database.getAction()).contains("ANJU_DB_URL", "createdb");
        }
    }

    @Test
    void aClosedPortNamesTheAddress() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/anju?password=" + WRONG;
        SQLException refused = connect(url, "anju", WRONG);
        FailureAnalysis analysis = analyze(refused, url, "anju");
        assertThat(analysis.getDescription()).contains("无法连接数据库 jdbc:postgresql://127.0.0.1:", "用户 anju", "拒绝连接")
                .doesNotContain(WRONG);
        assertThat(analysis.getAction()).contains("ANJU_DB_URL", "127.0.0.1:");
        assertThat(new DatabaseUnreachableFailureAnalyzer(new MockEnvironment())
                .analyze(new IllegalStateException("something else"))).as("not a database problem").isNull();
    }

    /**
     * A password in the address itself is never printed, and a server without SSL asked for SSL is not "check the host
     * and port" (operator trial, fifteenth session: both were; the password twice).
     */
    @Test
    void aPasswordInTheAddressIsMaskedAndAServerWithoutSslIsSaidSo() throws Exception {
        assertThat(DatabaseUnreachable.masked("jdbc:postgresql://anju:" + WRONG + "@127.0.0.1:5432/anju?password=" + WRONG))
                .isEqualTo("jdbc:postgresql://anju:***@127.0.0.1:5432/anju?password=***");
        String withUser = "jdbc:postgresql://anju:" + WRONG + "@127.0.0.1:" + closedPort() + "/anju";
        FailureAnalysis refused = analyze(connect(withUser.replace("anju:" + WRONG + "@", ""), "anju", WRONG), withUser, "anju");
        assertThat(refused.getDescription() + refused.getAction()).doesNotContain(WRONG).contains("anju:***@");
        assertThat(refused.getAction()).contains("（127.0.0.1:");

        // a password holding @, / or ?, and the SSL key's password (review of the fifteenth session: shown)
        assertThat(DatabaseUnreachable.masked("jdbc:postgresql://user:pa@ss@host/db")).isEqualTo("jdbc:postgresql://user:***@host/db");
        assertThat(DatabaseUnreachable.masked("postgres://anju:se/cret@db1:5432/anju")).isEqualTo("postgres://anju:***@db1:5432/anju");
        assertThat(DatabaseUnreachable.masked("postgres://anju:se?cret@db1:5432/anju")).isEqualTo("postgres://anju:***@db1:5432/anju");
        assertThat(DatabaseUnreachable.masked("jdbc:postgresql://db1/anju?user=anju&sslpassword=kp"))
                .isEqualTo("jdbc:postgresql://db1/anju?user=anju&sslpassword=***");
        // the driver takes user:password@ for part of the host's name, and its "unknown host" said the password
        String userInfo = "jdbc:postgresql://anju:" + WRONG + "@127.0.0.1:" + closedPort() + "/anju";
        FailureAnalysis unknown = analyze(connect(userInfo, "anju", WRONG), userInfo, "anju");
        assertThat(unknown.getDescription() + unknown.getAction()).doesNotContain(WRONG).contains("找不到主机 127.0.0.1:");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral()) {
            String url = server.ensureDatabase("anju_ssl") + "?sslmode=require";
            SQLException noSsl = connect(url, server.user(), server.password());
            FailureAnalysis ssl = analyze(noSsl, url, server.user());
            assertThat(ssl.getDescription()).contains("不支持 SSL", "sslmode");
            assertThat(ssl.getAction()).contains("ssl = on", "sslmode=require").doesNotContain("主机和端口");
        }
    }

    /** The command line: the same Chinese lines and exit code 3, no stack trace (it printed 91 frames, in English). */
    @Test
    void theCommandLineSaysTheSame() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/anju";
        System.setProperty("anju.db.url", url);
        System.setProperty("anju.db.user", "anju");
        System.setProperty("anju.db.password", WRONG);
        System.setProperty("anju.privacy.key", "1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Cli.run(org.anju.AnjuApplication.class, new String[] {"user", "list"});
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(Cli.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("错误：无法连接数据库 " + url + "（用户 anju）", "ANJU_DB_URL");
        assertThat(printed).doesNotContain("Exception", "\tat ", WRONG, "APPLICATION FAILED TO START"); // said once
    }

    /** The web app (java -jar anju.jar): Spring Boot's failure report in Chinese; it printed 133 stack frames. */
    @Test
    void theWebAppSaysWhatToCheck() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/anju";
        MainProcess web = MainProcess.run(Map.of("ANJU_DB_URL", url, "ANJU_DB_USER", "anju", "ANJU_DB_PASSWORD", WRONG,
                "ANJU_DATA_KEY", MainProcess.DATA_KEY, "PORT", "0"));
        String printed = web.out() + web.err();
        assertThat(web.exit()).as(printed).isNotZero();
        assertThat(printed).contains("APPLICATION FAILED TO START", "无法连接数据库 " + url + "（用户 anju）", "ANJU_DB_URL")
                .doesNotContain("\tat ", WRONG);
        // in Chinese, and without the English lines Spring logged above it (seventh session's list)
        assertThat(printed).contains("安居未能启动", "原因：", "处理：").doesNotContain("Description:", "Action:",
                "Exception encountered during context initialization", "Error starting ApplicationContext");
    }
}
