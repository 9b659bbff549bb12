package org.anju;

import com.zaxxer.hikari.HikariDataSource;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.DemoUsers;
import org.anju.region.Regions;
import org.anju.reminder.ReminderJob;
import org.anju.reminder.Reminders;
import org.anju.report.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database (issue 15): each a whole application on its own random port, node 1 on a fresh
 * throw-away database, node 2 pointed at the same one as an external database ({@code anju.db.url}). Real HTTP with
 * cookie jars: a session started on one node continues on the other, ends on both at logout, and a password change on
 * one ends the account's other sessions on both; failed logins on node 1 delay the next attempt on node 2; the
 * scheduled reminder work triggered on both nodes at the same moment runs once and writes its rows once; a file
 * previewed on node 1 is confirmed on node 2 (the kept file is in the database, not in node 1's memory); a unit added
 * on node 1 (or a program and indicator) is known on node 2 within its refresh interval.
 */
class TwoNodesTest {

    static final String KEY = "1:" + Base64.getEncoder().encodeToString(new byte[32]);
    /** 2026-12-07 10:00 in Beijing: November's reports (deadline 5 December) are overdue. */
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;
    static String url1;
    static String url2;
    static String password;

    @BeforeAll
    static void start() {
        node1 = node("anju.test.database=two_nodes");
        HikariDataSource db = node1.getBean(HikariDataSource.class);
        node2 = node("anju.db.url=" + db.getJdbcUrl(), "anju.db.user=" + db.getUsername(),
                "anju.db.password=" + db.getPassword());
        url1 = "http://127.0.0.1:" + ((WebServerApplicationContext) node1).getWebServer().getPort();
        url2 = "http://127.0.0.1:" + ((WebServerApplicationContext) node2).getWebServer().getPort();
        DemoUsers demo = node1.getBean(DemoUsers.class);
        password = asSystem(node1, () -> {
            demo.ensure("zg_reporter");
            demo.ensure("sr_admin");
            return demo.password();
        });
    }

    static <T> T asSystem(ConfigurableApplicationContext node, java.util.function.Supplier<T> work) {
        return Access.runAs(Actor.system(node.getBean(Regions.class).root()), work);
    }

    /** A node: the properties as command-line arguments (they outrank application.yml, as on a real node). */
    static ConfigurableApplicationContext node(String... properties) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0", "anju.privacy.key=" + KEY,
                        "anju.regions.refresh-interval=PT1S"),
                java.util.stream.Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(AnjuApplication.class).profiles("test")
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", MONDAY)).run(args);
    }

    @AfterAll
    static void stop() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    /** A browser: its own cookie jar, redirects not followed. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> basic(String url, String username, String pw) throws Exception {
        String auth = Base64.getEncoder().encodeToString((username + ":" + pw).getBytes(StandardCharsets.UTF_8));
        return browser().send(HttpRequest.newBuilder(URI.create(url + "/api/me")).header("Authorization", "Basic " + auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token read from {@code page} on the same node. */
    static HttpResponse<String> post(HttpClient client, String base, String page, String path, Map<String, String> form)
            throws Exception {
        Matcher m = CSRF.matcher(get(client, base + page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", m.group(1));
        String body = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> login(HttpClient client, String base, String username, String pw) throws Exception {
        return post(client, base, "/login", "/login", Map.of("username", username, "password", pw));
    }

    @Test
    void aSessionStartedOnOneNodeContinuesOnTheOtherAndEndsOnBoth() throws Exception {
        HttpClient a = browser();
        HttpResponse<String> failed = login(a, url1, "zg_reporter", "wrong-password");
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(get(a, url2 + "/login?error").body()).as("the failure, kept in the session, read on node 2")
                .contains("用户名或密码错误");

        HttpResponse<String> in = login(a, url1, "zg_reporter", password);
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> me = get(a, url2 + "/api/me");
        assertThat(me.statusCode()).as("node 2 knows node 1's session").isEqualTo(200);
        assertThat(me.body()).contains("zg_reporter");
        assertThat(get(browser(), url2 + "/api/me").statusCode()).as("without the cookie: nobody").isEqualTo(401);

        // a second session of the same account, on node 2
        HttpClient b = browser();
        login(b, url2, "zg_reporter", password);
        assertThat(get(b, url1 + "/api/me").statusCode()).isEqualTo(200);

        // the password changed through session a on node 2: a goes on (on node 1 too), b is ended on both nodes
        String changed = "Cluster-2026-pw";
        HttpResponse<String> pw = post(a, url2, "/account", "/account/password",
                Map.of("currentPassword", password, "newPassword", changed, "confirmPassword", changed));
        assertThat(pw.body()).contains("密码已修改");
        assertThat(get(a, url1 + "/api/me").statusCode()).as("the session that changed it stays").isEqualTo(200);
        assertThat(get(b, url1 + "/api/me").statusCode()).as("the other session ends").isEqualTo(401);
        assertThat(get(b, url2 + "/api/me").statusCode()).isEqualTo(401);

        // logout on node 1 ends the session on node 2
        HttpResponse<String> out = post(a, url1, "/account", "/logout", Map.of());
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(get(a, url2 + "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void failedLoginsOnNodeOneCountOnNodeTwo() throws Exception {
        assertThat(basic(url1, "sr_admin", "wrong-1").statusCode()).isEqualTo(401);
        assertThat(basic(url1, "sr_admin", "wrong-2").body()).contains("用户名或密码错误");
        assertThat(basic(url1, "sr_admin", "wrong-3").body()).contains("登录失败次数过多，请 1 秒后再试");
        HttpResponse<String> right = basic(url2, "sr_admin", password);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).as("node 2 counts node 1's failures").contains("登录失败次数过多");
        Thread.sleep(1100);
        assertThat(basic(url2, "sr_admin", password).statusCode()).isEqualTo(200);
    }

    @Test
    void scheduledWorkTriggeredOnBothNodesAtOnceRunsOnce() throws Exception {
        ReminderJob job1 = node1.getBean(ReminderJob.class);
        ReminderJob job2 = node2.getBean(ReminderJob.class);
        int before = job1.runs() + job2.runs();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> f1 = pool.submit(() -> {
                together.await();
                job1.run();
                return null;
            });
            Future<?> f2 = pool.submit(() -> {
                together.await();
                job2.run();
                return null;
            });
            f1.get();
            f2.get();
        } finally {
            pool.shutdown();
        }
        assertThat(job1.runs() + job2.runs() - before).as("one node ran it, the other skipped").isEqualTo(1);

        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        int units = jdbc.sql("select count(*) from region where kind in (:kinds)")
                .param("kinds", Reports.REPORTING.stream().map(Enum::name).toList()).query(Integer.class).single();
        int overdue = jdbc.sql("select count(*) from reminder where kind = 'REPORT_OVERDUE' and period = date '2026-11-01'")
                .query(Integer.class).single();
        assertThat(overdue).as("every reporting unit, none submitted November: one row each").isEqualTo(units)
                .isGreaterThan(3000);
        Map<String, Object> lock = jdbc.sql("select locked_by, lock_until > timezone('utc', now()) as held from shedlock where name = 'reminders'")
                .query().singleRow();
        assertThat(lock.get("locked_by")).as("the lock row names the node that ran").isNotNull();
        assertThat(lock.get("held")).as("held at least a minute: a late trigger skips").isEqualTo(true);

        job2.run();
        job1.run();
        assertThat(job1.runs() + job2.runs() - before).as("triggered again within the minute: skipped").isEqualTo(1);
        assertThat(asSystem(node2, () -> node2.getBean(Reminders.class).generate(LocalDate.of(2026, 12, 7))).created())
                .as("run again regardless: nothing added").isZero();

        HttpClient a = browser();
        login(a, url2, "sr_admin", password);
        String page = get(a, url2 + "/reminders").body();
        assertThat(page).contains("月报逾期未报").contains("信州区").contains("2026年11月月报报送期限2026年12月5日已过");
    }

    @Test
    void aFilePreviewedOnOneNodeIsImportedOnTheOther() throws Exception {
        asSystem(node1, () -> {
            node1.getBean(DemoUsers.class).ensure("xz_reporter");
            return null;
        });
        HttpClient c = browser();
        assertThat(login(c, url1, "xz_reporter", password).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        byte[] list = "项目名称,楼栋,房号,建筑面积,状态,保障类型\n两节点测试小区,1栋,101,50,空置,公租房\n"
                .getBytes(StandardCharsets.UTF_8);
        String preview = upload(c, url1, "/rental/stock/import", Map.of("region", "361102"), "房源.csv", list).body();
        assertThat(preview).contains("将新增房源 1 套");
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"").matcher(preview);
        assertThat(token.find()).as("the preview's token").isTrue();
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from kept_file where token = ?::uuid").param(token.group(1))
                .query(Integer.class).single()).as("kept in the database").isEqualTo(1);

        HttpResponse<String> done = post(c, url2, "/rental/stock/import", "/rental/stock/import/commit",
                Map.of("token", token.group(1)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).as("confirmed on node 2").contains("已导入 房源.csv：信州区新增房源 1 套");
        assertThat(jdbc.sql("select count(*) from kept_file where token = ?::uuid").param(token.group(1))
                .query(Integer.class).single()).as("gone once imported").isZero();
        assertThat(post(c, url1, "/rental/stock/import", "/rental/stock/import/commit", Map.of("token", token.group(1)))
                .body()).as("a second confirm, on node 1: told it was imported on node 2, nothing written again")
                .contains("该文件（房源.csv）已于 ").contains("这次确认是重复提交，没有再次导入");
    }

    @Test
    void referenceDataAddedOnOneNodeIsKnownOnTheOther() throws Exception {
        org.anju.region.Region added = asSystem(node1, () -> node1.getBean(Regions.class).addUnit(new org.anju.region.NewUnit(
                null, "两节点测试开发区", org.anju.region.RegionKind.DEV_ZONE, "361100", null, null)));
        Regions other = node2.getBean(Regions.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (other.byCode(added.code()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(other.byCode(added.code())).as("node 2 refreshed its directory").isPresent();
        assertThat(other.resolve("两节点测试开发区", other.byCode("361100").orElseThrow()))
                .as("and resolves the new name in an import").isInstanceOfSatisfying(org.anju.region.Resolution.Found.class,
                        f -> assertThat(f.region().code()).isEqualTo(added.code()));

        org.anju.indicator.Indicators catalogue1 = node1.getBean(org.anju.indicator.Indicators.class);
        org.anju.indicator.Indicators catalogue2 = node2.getBean(org.anju.indicator.Indicators.class);
        assertThat(catalogue2.all()).isNotEmpty(); // node 2 has read its catalogue before the addition
        org.anju.indicator.Indicator talent = asSystem(node1, () -> {
            catalogue1.addProgram(new org.anju.indicator.Program("TWO_NODE_HOUSING", "两节点测试住房", "两节点房",
                    java.util.List.of("两节点测试住房"), "START", "UNIT", 990));
            return catalogue1.addIndicator("TWO_NODE_HOUSING", "START", "UNIT", "开工", 990);
        });
        assertThat(catalogue2.byId(talent.id()).code()).as("a row naming it, read on node 2 at once")
                .isEqualTo("TWO_NODE_HOUSING.START.UNIT");
        assertThat(catalogue2.program("TWO_NODE_HOUSING")).isPresent();
    }

    /** A multipart form post (one file) with the CSRF token of {@code page} on the same node, as a header. */
    static HttpResponse<String> upload(HttpClient client, String base, String page, Map<String, String> form,
                                       String fileName, byte[] content) throws Exception {
        Matcher m = CSRF.matcher(get(client, base + page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        String boundary = "anju-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + page))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
