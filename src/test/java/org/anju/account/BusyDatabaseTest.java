package org.anju.account;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import org.anju.AnjuTest;
import org.anju.platform.ServiceBusy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, found by the month-end load test: a request the database cannot serve in time — no connection left in
 * the pool, a lock timeout — is answered 503 with Retry-After and "系统繁忙，请稍后再试", on pages and in the API, whether
 * it happens in a filter (the session read, the current-user filter, HTTP Basic) or in a handler; and a sign-in the
 * database could not check is not told "用户名或密码错误" nor counted as a failure. A small pool with a
 * short wait (two connections: Flyway's migration needs two at start); the test takes both itself, or holds a table
 * lock from a connection of its own.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.test.database=busy", "anju.db.maximum-pool-size=2",
        "anju.db.pool-timeout=300ms", "anju.db.retry-after=7s"})
class BusyDatabaseTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers demo;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    String password;
    Cookie session;

    @BeforeEach
    void signIn() throws Exception {
        demo.ensure("sr_admin");
        password = demo.password();
        throttle.reset();
        jdbc.sql("update users set failed_attempts = 0").update();
        MvcResult ok = mvc.perform(post("/login").param("username", "sr_admin").param("password", password).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();
        session = java.util.Arrays.stream(ok.getResponse().getCookies())
                .filter(c -> !c.getName().startsWith(KnownDevices.COOKIE)).findFirst().orElseThrow();
    }

    @AfterEach
    void noLockTimeout() {
        jdbc.sql("alter database " + jdbc.sql("select current_database()").query(String.class).single()
                + " reset lock_timeout").update();
        pool().getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aFullPoolIsA503WithRetryAfterOnPagesAndInTheApiNeverA500() throws Exception {
        try (Connection held = dataSource.getConnection(); Connection alsoHeld = dataSource.getConnection()) {
            assertThat(held.isValid(1) && alsoHeld.isValid(1)).isTrue();
            // a page: the session read (Spring Session, in the database) is the first to wait
            busy(mvc.perform(get("/plans").cookie(session)))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("<title>系统繁忙 · 安居</title>")));
            // htmx gets the fragment it swaps in
            busy(mvc.perform(get("/plans").cookie(session).header("HX-Request", "true")))
                    .andExpect(content().string(containsString("id=\"problem-message\"")))
                    .andExpect(content().string(not(containsString("<html"))));
            // the API from the browser session, and HTTP Basic (the sign-in check itself waits)
            busyJson(mvc.perform(get("/api/plans").cookie(session)));
            busyJson(mvc.perform(get("/api/me").with(httpBasic("sr_admin", password))));
            // a form post: its CSRF token is in the session it cannot read
            busy(mvc.perform(post("/login").param("username", "sr_admin").param("password", password).with(csrf())));
        }
        mvc.perform(get("/plans").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic("sr_admin", password))).andExpect(status().isOk());
        assertThat(failedAttempts()).as("a sign-in that could not be checked counts nothing").isZero();
        // the request metrics say what the callers got: a filter's busy answer was recorded as status 500, outcome
        // SERVER_ERROR (metrics review, sixteenth session) — ServiceBusy answered outside the metrics' filter
        assertThat(registry.find("http.server.requests").tag("status", "503").timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum()).isGreaterThanOrEqualTo(5);
        assertThat(registry.find("http.server.requests").tag("status", "500").timers()).isEmpty();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    /** Past the filters, in the handler: a lock held longer than the database's lock_timeout (ApiErrors, PageErrors). */
    @Test
    void aTimeoutInAHandlerIsA503Too() throws Exception {
        lockTimeout();
        try (Connection other = ownConnection()) {
            lock(other, "lock table plan in access exclusive mode");
            busy(mvc.perform(get("/plans").cookie(session)))
                    .andExpect(content().string(containsString("<title>系统繁忙 · 安居</title>")));
            busyJson(mvc.perform(get("/api/plans").cookie(session)));
        }
        mvc.perform(get("/plans").cookie(session)).andExpect(status().isOk());
    }

    /** The load test's third finding: a database timeout during sign-in was shown as "用户名或密码错误". */
    @Test
    void aSignInTheDatabaseCouldNotCheckIsNotCalledAWrongPassword() throws Exception {
        lockTimeout();
        try (Connection other = ownConnection()) {
            // the throttle's rows cannot be written: the check cannot be made
            lock(other, "lock table login_throttle in exclusive mode");
            MvcResult refused = mvc.perform(post("/login").param("username", "sr_admin").param("password", "wrong-1234")
                    .with(csrf())).andExpect(redirectedUrl("/login?error")).andReturn();
            mvc.perform(get("/login").param("error", "").cookie(refused.getResponse().getCookies()[0]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(AnjuAuthenticationProvider.SERVICE_FAILED)))
                    .andExpect(content().string(not(containsString(AnjuAuthenticationProvider.BAD_CREDENTIALS))));
            // HTTP Basic: 503, not 401
            busyJson(mvc.perform(get("/api/me").with(httpBasic("sr_admin", password))));
        }
        assertThat(failedAttempts()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(failures), 0) from login_throttle").query(Integer.class).single())
                .as("no failure counted for the pair or the address").isZero();
        // and a wrong password still reads as one once the database answers
        MvcResult wrong = mvc.perform(post("/login").param("username", "sr_admin").param("password", "wrong-1234")
                .with(csrf())).andExpect(redirectedUrl("/login?error")).andReturn();
        mvc.perform(get("/login").param("error", "").cookie(wrong.getResponse().getCookies()[0]))
                .andExpect(content().string(containsString(AnjuAuthenticationProvider.BAD_CREDENTIALS)));
        assertThat(failedAttempts()).isEqualTo(1);
    }

    @Test
    void theLoginPageWithoutAStoredFailureGivesNoVerdict() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString(LoginPages.NOT_COMPLETED)))
                .andExpect(content().string(not(containsString(AnjuAuthenticationProvider.BAD_CREDENTIALS))));
    }

    private ResultActions busy(ResultActions r) throws Exception {
        return r.andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(content().string(containsString(ServiceBusy.MESSAGE)));
    }

    private void busyJson(ResultActions r) throws Exception {
        busy(r).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value(ServiceBusy.TITLE))
                .andExpect(jsonPath("$.detail").value(ServiceBusy.MESSAGE))
                .andExpect(jsonPath("$.code").value("BUSY"));
    }

    /** The pool's new connections wait at most 300 ms for a lock (a database setting, as an operator would set it). */
    private void lockTimeout() {
        jdbc.sql("alter database " + jdbc.sql("select current_database()").query(String.class).single()
                + " set lock_timeout = '300ms'").update();
        pool().getHikariPoolMXBean().softEvictConnections();
    }

    private HikariDataSource pool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection outside the pool, on the same database. */
    private Connection ownConnection() throws java.sql.SQLException {
        HikariDataSource pool = pool();
        Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        c.setAutoCommit(false);
        return c;
    }

    private static void lock(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set lock_timeout = 0");
            s.execute(sql);
        }
    }

    private int failedAttempts() {
        return jdbc.sql("select failed_attempts from users where username = 'sr_admin'").query(Integer.class).single();
    }
}
