package org.anju;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.anju.account.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15 (month-end load, second session): what each request kind of the load test (scripts/load,
 * MonthEndSimulation) costs the database pool — connections taken from the pool and SQL statements — and the request
 * thread's CPU, through the whole filter chain (Spring Session JDBC, Spring Security, the current-user filter, the page)
 * on the real embedded PostgreSQL. And the rule the load test found broken: <b>nothing may take a pool connection once
 * the response has started</b> (its first byte written, or committed) — then a pool timeout could no longer become the
 * 503 page ({@link org.anju.platform.ServiceBusy}): the user got a 500 or a cut-off page.
 *
 * <p>The counting is a plain JDK proxy around the application's {@code DataSource} bean (every pool checkout of the
 * request thread, every statement prepared on its connections) and a response wrapper outside every filter that notes
 * the first byte written. Run alone it prints the table of docs/PERFORMANCE.md ("cost per request") and writes it to
 * target/request-cost.md.
 */
@AnjuTest
@AutoConfigureMockMvc
@Import(RequestCostTest.Metering.class)
@TestPropertySource(properties = "anju.test.database=request_cost")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCostTest {

    static final String REGION = "360702";          // 章贡区: a county reporter's unit
    static final String CITY = "360700";            // 赣州市: its approver
    static final String PROVINCE = "360000";

    /** What the request thread did, from {@link #start()} on. */
    static final class Counts {
        int checkouts;
        int statements;
        boolean started;           // a byte of the response body written, or the response committed
        final List<String> late = new ArrayList<>();   // what took a connection or ran SQL after that
    }

    static final ThreadLocal<Counts> COUNTS = new ThreadLocal<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Metering {

        /** Wraps the application's data source (all of it goes through this bean: pages, sessions, Flyway). */
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? counting(ds) : bean;
                }
            };
        }

        /** Outside every other filter: notes when the response has started. */
        @Bean
        FilterRegistrationBean<Filter> responseStart() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                    chain.doFilter(request, new StartNoting((HttpServletResponse) response)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    static DataSource counting(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(RequestCostTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                handler(ds, (m, args) -> {
                    if (m.getName().equals("getConnection")) {
                        Counts c = COUNTS.get();
                        if (c != null) {
                            c.checkouts++;
                            if (c.started) {
                                c.late.add("pool checkout at " + caller());
                            }
                        }
                        return true;
                    }
                    return false;
                }));
    }

    interface Hook {
        /** @return true when the result is a connection to wrap */
        boolean before(Method m, Object[] args);
    }

    private static InvocationHandler handler(Object target, Hook hook) {
        return (proxy, m, args) -> {
            boolean wrap = hook.before(m, args);
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (wrap && result instanceof Connection con) {
                return Proxy.newProxyInstance(RequestCostTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                        handler(con, (cm, cargs) -> {
                            String n = cm.getName();
                            if (n.equals("prepareStatement") || n.equals("createStatement") || n.equals("prepareCall")) {
                                Counts c = COUNTS.get();
                                if (c != null) {
                                    c.statements++;
                                    if (c.started) {
                                        c.late.add("SQL " + (cargs != null && cargs.length > 0 ? cargs[0] : "") + " at " + caller());
                                    }
                                }
                            }
                            return false;
                        }));
            }
            return result;
        };
    }

    /** The first frames of ours or of the session/security code that asked (for the failure message). */
    private static String caller() {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            String c = e.getClassName();
            if ((c.startsWith("org.anju.") && !c.startsWith("org.anju.RequestCostTest"))
                    || c.startsWith("org.springframework.session") || c.startsWith("org.springframework.security.web.csrf")
                    || c.startsWith("org.thymeleaf.standard.expression")) {
                s.append(n++ == 0 ? "" : " ← ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
                if (n == 6) {
                    break;
                }
            }
        }
        return s.toString();
    }

    /** Marks the response started at its first byte, flush or commit. */
    static final class StartNoting extends HttpServletResponseWrapper {
        StartNoting(HttpServletResponse response) {
            super(response);
        }

        private static void started() {
            Counts c = COUNTS.get();
            if (c != null) {
                c.started = true;
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            ServletOutputStream out = super.getOutputStream();
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    started();
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    started();
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    started();
                    out.flush();
                }

                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            PrintWriter w = super.getWriter();
            return new PrintWriter(new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    started();
                    w.write(cbuf, off, len);
                }

                @Override
                public void flush() {
                    started();
                    w.flush();
                }

                @Override
                public void close() {
                    w.close();
                }
            });
        }

        @Override
        public void flushBuffer() throws IOException {
            started();
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(location);
            started();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            super.sendError(sc, msg);
            started();
        }

        @Override
        public void sendError(int sc) throws IOException {
            super.sendError(sc);
            started();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers demo;
    @Autowired
    JdbcClient jdbc;

    String password;
    final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    /** One request measured. */
    record Cost(int status, int checkouts, int statements, long cpuNanos, List<String> late, MvcResult result) {
    }

    /** A browser: its session cookie and the page's CSRF token. */
    final class Browser {
        Cookie session;
        String csrf;

        Cost send(MockHttpServletRequestBuilder request) throws Exception {
            if (session != null) {
                request.cookie(session);
            }
            Cost cost = measure(request);
            // the session's cookie (under MockMvc, without a server, named by Spring Session's default); not the
            // known-device cookie a sign-in sets besides
            for (Cookie set : cost.result().getResponse().getCookies()) {
                if (!set.getName().startsWith("ANJU_DEVICE")) {
                    session = set.getMaxAge() == 0 ? null : set;
                }
            }
            Matcher m = CSRF.matcher(cost.result().getResponse().getContentAsString());
            if (m.find()) {
                csrf = m.group(1);
            }
            return cost;
        }

        Cost signIn(String username) throws Exception {
            send(get("/login"));
            return send(post("/login").param("username", username).param("password", password).param("_csrf", csrf));
        }
    }

    /** The token as the layout's meta tag or a form's hidden field carries it. */
    static final Pattern CSRF = Pattern.compile("(?:<meta name=\"_csrf\" content|name=\"_csrf\" value)=\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    Cost measure(RequestBuilder request) throws Exception {
        Counts c = new Counts();
        COUNTS.set(c);
        long before = cpu.getCurrentThreadCpuTime();
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } finally {
            COUNTS.remove();
        }
        long used = cpu.getCurrentThreadCpuTime() - before;
        return new Cost(result.getResponse().getStatus(), c.checkouts, c.statements, used, List.copyOf(c.late), result);
    }

    @BeforeAll
    void accounts() {
        for (String u : List.of("zg_reporter", "gz_admin", "mohurd_viewer")) {
            demo.ensure(u);
        }
        password = demo.password();
    }

    int months;

    /** Every request kind of the load test, {@code rounds} times; the costs by kind in the order of the simulation. */
    Map<String, List<Cost>> monthEnd(int rounds) throws Exception {
        // a month after this one (Beijing time) cannot be reported (Reports.futureOrAncient: 400 at the save): say so,
        // and how many rounds are left, rather than fail on the save's status (a -Dcost.rounds=200 for a profile did)
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        long left = ChronoUnit.MONTHS.between(YearMonth.of(2023, 1), thisMonth) + 1 - months;
        assertThat((long) rounds)
                .as("-Dcost.rounds: each round reports a month of its own, from 2023-01 to this month; %d left", left)
                .isLessThanOrEqualTo(left);
        Map<String, List<Cost>> costs = new LinkedHashMap<>();
        for (int i = 0; i < rounds; i++) {
            String period = YearMonth.of(2023, 1).plusMonths(months++).toString();   // each round a new report
            Browser reporter = new Browser();
            add(costs, "login page", reporter.send(get("/login")));
            add(costs, "login POST (bcrypt)", reporter.send(post("/login").param("username", "zg_reporter")
                    .param("password", password).param("_csrf", reporter.csrf)));
            add(costs, "首页 (county reporter)", reporter.send(get("/dashboard")));
            Cost form = reporter.send(get("/reports/" + REGION + "/" + period));
            add(costs, "月报 form", form);
            String version = version(form);
            Cost saved = reporter.send(post("/reports/" + REGION + "/" + period + "/save").header("HX-Request", "true")
                    .header("X-CSRF-TOKEN", reporter.csrf).param("version", version)
                    .param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "12").param("v:RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "10")
                    .param("v:RENTAL_SUBSIDY.ISSUE.YUAN_10K", "3.5"));
            add(costs, "save (htmx)", saved);
            Cost submit = reporter.send(post("/reports/" + REGION + "/" + period + "/submit").param("version", version(saved))
                    .param("_csrf", reporter.csrf));
            add(costs, "submit (302)", submit);
            add(costs, "submit's redirect: the report", reporter.send(get(submit.result().getResponse().getRedirectedUrl())));

            Browser admin = new Browser();
            admin.signIn("gz_admin");
            Cost inbox = admin.send(get("/inbox").param("period", period));
            add(costs, "审核 inbox", inbox);
            add(costs, "approve (htmx)", admin.send(post("/inbox/" + REGION + "/" + period + "/approve")
                    .header("HX-Request", "true").header("X-CSRF-TOKEN", admin.csrf)
                    .param("version", versionIn(inbox, REGION)).param("month", period)));

            Browser viewer = new Browser();
            viewer.signIn("mohurd_viewer");
            add(costs, "dashboard (viewer)", viewer.send(get("/dashboard").param("region", PROVINCE).param("period", period)));
            add(costs, "map data (API)", viewer.send(get("/api/dashboard/map").param("region", PROVINCE).param("period", period)));
            add(costs, "进度汇总", viewer.send(get("/progress").param("region", PROVINCE).param("period", period)));
        }
        return costs;
    }

    private static void add(Map<String, List<Cost>> costs, String kind, Cost cost) {
        assertThat(cost.status()).as(kind).isLessThan(400);
        costs.computeIfAbsent(kind, k -> new ArrayList<>()).add(cost);
    }

    private static String version(Cost page) throws Exception {
        Matcher m = VERSION.matcher(page.result().getResponse().getContentAsString());
        assertThat(m.find()).as("the form's version").isTrue();
        return m.group(1);
    }

    /** The version of the inbox row whose approve form posts to the region's report. */
    private static String versionIn(Cost inbox, String region) throws Exception {
        String html = inbox.result().getResponse().getContentAsString();
        int at = html.indexOf("/inbox/" + region + "/");
        assertThat(at).as("the inbox lists the submitted report").isPositive();
        Matcher m = VERSION.matcher(html.substring(at));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * The load test's pages: not one pool checkout and not one statement once the response has begun — a pool
     * timeout there cannot become the 503 page any more.
     */
    @Test
    void nothingTakesAConnectionOnceTheResponseHasStarted() throws Exception {
        Map<String, List<Cost>> costs = monthEnd(2);
        costs.forEach((kind, list) -> list.forEach(c ->
                assertThat(c.late()).as(kind + ": the database after the response had started").isEmpty()));
    }

    /** The table of docs/PERFORMANCE.md: median checkouts, statements and request-thread CPU per request kind. */
    @Test
    void costPerRequestKind() throws Exception {
        monthEnd(3);                                   // warm-up: templates, JIT, caches
        Map<String, List<Cost>> costs = monthEnd(Integer.getInteger("cost.rounds", 8));
        StringBuilder table = new StringBuilder("| request | pool checkouts | SQL statements | CPU ms (request thread, median) |\n"
                + "|---|---:|---:|---:|\n");
        costs.forEach((kind, list) -> table.append("| ").append(kind).append(" | ")
                .append(median(list.stream().mapToLong(Cost::checkouts).toArray())).append(" | ")
                .append(median(list.stream().mapToLong(Cost::statements).toArray())).append(" | ")
                .append(String.format("%.1f", median(list.stream().mapToLong(Cost::cpuNanos).toArray()) / 1e6)).append(" |\n"));
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/request-cost.md"), table);
        // the budget this session brought the signed-in pages to (was 3–4 checkouts each): the session read and the
        // account's re-read share one connection, the session's last-access write is not on every request
        for (String kind : List.of("首页 (county reporter)", "月报 form", "审核 inbox", "dashboard (viewer)", "进度汇总")) {
            assertThat(median(costs.get(kind).stream().mapToLong(Cost::checkouts).toArray())).as(kind).isLessThanOrEqualTo(BUDGET);
        }
    }

    /** Pool checkouts a signed-in page may take (median). */
    static final long BUDGET = 4;

    private static long median(long[] values) {
        long[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
