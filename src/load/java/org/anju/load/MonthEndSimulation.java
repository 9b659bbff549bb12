package org.anju.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Month end (issue 15): every county reporter signs in, opens the month's 月报 form, saves figures (once or twice) and
 * submits, as a browser does (session cookie, the login form's CSRF field, the grid's htmx save with the token from
 * the page's meta tag, the 上报 form); the administrators directly above them sweep their 审核 inbox and approve what
 * arrived; viewers open the dashboard, its map data and 进度汇总 again and again.
 *
 * <p>Accounts and figures come from the fixture {@code scripts/load/prepare.sh} wrote ({@code -Dload.fixture},
 * default {@code target/load}): {@code reporters.csv} (username, region, the figures the last save must leave, whether
 * the reporter saves twice, whether it also saves from a second, stale tab), {@code admins.csv}, {@code viewers.csv},
 * {@code fixture.properties} (period, password). A reporter marked stale saves from a tab opened before its own first
 * save: that one request must be refused with 409 — the only true conflict of the run — and is counted apart
 * ("save (stale tab) 409"); any other 409 fails the run. The injection profile is fixed; the run ends by itself.
 */
public class MonthEndSimulation extends Simulation {

    private static final Path FIXTURE = Path.of(System.getProperty("load.fixture", "target/load"));
    private static final Properties META = meta();
    private static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private static final String PERIOD = META.getProperty("period");
    private static final String PASSWORD = META.getProperty("password");
    /** Reporters arrive evenly over this many seconds. */
    private static final int RAMP = Integer.getInteger("load.ramp", 480);
    /** Administrators and viewers keep working this long (seconds), then sweep the inbox once more and stop. */
    private static final int DURATION = Integer.getInteger("load.duration", 600);

    private static final int REPORTERS = lines("reporters.csv");
    private static final int ADMINS = lines("admins.csv");
    private static final int VIEWERS = lines("viewers.csv");

    /** The figures of the first of two saves: one more item than the last save, which must clear it. */
    private static final String DRAFT_ITEM = "v:PUBLIC_RENTAL.VACATE.UNIT";

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("anju-load (Gatling)")
            .disableCaching()
            .warmUp(BASE_URL + "/login");

    /**
     * Signs in through the login form as a browser does. All virtual users come from one address (loopback), and
     * the app lets at most 30 first sign-ins of one address be checked at once ({@code LoginThrottle}: the address
     * limit counts attempts in flight); the others are sent back to the login page with "请 N 秒后再试" — what a
     * province's reporters behind one NAT address would see at month end. Like them, the user waits and tries again
     * (request "… login refused, retry"); a refusal for any other reason (a wrong password) fails the run.
     */
    private static ChainBuilder login(String kind) {
        return exec(s -> s.set("signedIn", false).set("attempts", 0))
                .asLongAs(s -> !s.getBoolean("signedIn") && s.getInt("attempts") < 40).on(
                        exec(http(kind + " login form").get("/login")
                                .check(status().is(200), css("#login-form input[name=_csrf]", "value").saveAs("csrf")))
                                .exec(http(kind + " login").post("/login")
                                        .formParam("username", "#{username}")
                                        .formParam("password", PASSWORD)
                                        .formParam("_csrf", "#{csrf}")
                                        .disableFollowRedirect()
                                        // success goes to the home page; a refusal to /login?error
                                        .check(status().is(302), header("Location").saveAs("location")))
                                // a 5xx or a timeout is a failure, not a refusal to wait out
                                .exitHereIfFailed()
                                .exec(s -> s.set("signedIn", !s.getString("location").contains("/login"))
                                        .set("attempts", s.getInt("attempts") + 1))
                                .doIf(s -> !s.getBoolean("signedIn")).then(
                                        exec(http(kind + " login refused, retry").get("#{location}")
                                                .check(status().is(200), css("#login-error").transform(m -> m.contains("后再试")).is(true)))
                                                .pause(Duration.ofSeconds(1), Duration.ofSeconds(4))))
                .exitHereIfFailed()
                .exitHereIf(s -> !s.getBoolean("signedIn"));
    }

    /** Opens the month's form: its version and the page's CSRF token. */
    private static ChainBuilder openForm(String name, String versionKey) {
        return exec(http(name).get("/reports/#{region}/" + PERIOD)
                .check(status().is(200),
                        css("#report-form input[name=version]", "value").saveAs(versionKey),
                        css("meta[name=_csrf]", "content").saveAs("csrf")));
    }

    /** The grid's htmx save (POST …/save, HX-Request, the token as header), as report-grid.js sends it. */
    private static io.gatling.javaapi.http.HttpRequestActionBuilder save(String name, String versionKey, boolean draft) {
        var request = http(name).post("/reports/#{region}/" + PERIOD + "/save")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", "#{csrf}")
                .formParam("version", "#{" + versionKey + "}")
                .formParam("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "#{households}")
                .formParam("v:RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "#{online}")
                .formParam("v:RENTAL_SUBSIDY.ISSUE.YUAN_10K", "#{amount}");
        return request.formParam(DRAFT_ITEM, draft ? "1" : "");
    }

    private final ScenarioBuilder reporter = scenario("reporter")
            .feed(feeder("reporters.csv"))
            .exec(login("reporter"))
            .exec(http("home").get("/dashboard").check(status().is(200)))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(openForm("form", "version"))
            .exitHereIfFailed()
            // what a second tab opened now would send
            .exec(s -> s.set("staleVersion", s.getString("version")))
            // a reporter types for a while before saving
            .pause(Duration.ofSeconds(8), Duration.ofSeconds(20))
            .doIfEqualsOrElse("#{twice}", "1").then(
                    exec(save("save", "version", true)
                            .check(status().is(200), css("#message").is("已保存"),
                                    css("#report-form input[name=version]", "value").saveAs("version")))
                            .doIfEquals("#{stale}", "1").then(
                                    // the same report in a second tab opened before that save: a true conflict
                                    exec(save("save (stale tab) 409", "staleVersion", true)
                                            .check(status().is(409), css("#save-error").exists()))
                                            .exec(openForm("form (reloaded)", "version")))
                            .pause(Duration.ofSeconds(3), Duration.ofSeconds(8))
                            .exec(save("save", "version", false)
                                    .check(status().is(200), css("#message").is("已保存"),
                                            css("#report-form input[name=version]", "value").saveAs("version"))))
            .orElse(
                    exec(save("save", "version", false)
                            .check(status().is(200), css("#message").is("已保存"),
                                    css("#report-form input[name=version]", "value").saveAs("version"))))
            .exitHereIfFailed()
            .pause(Duration.ofSeconds(2), Duration.ofSeconds(5))
            // 上报 is a plain form: 302 to the report's page, which says what happened — asked for as a request of its
            // own, "submitted", which the assertion counts: "submit" counted the 302s, every one of them refused
            // or not (load review, sixteenth session)
            .exec(http("submit").post("/reports/#{region}/" + PERIOD + "/submit")
                    .formParam("version", "#{version}")
                    .formParam("_csrf", "#{csrf}")
                    .disableFollowRedirect()
                    .check(status().is(302), header("Location").saveAs("submitted")))
            .exec(http("submitted").get("#{submitted}")
                    .check(status().is(200), css("#message").is("已上报"), css("#error").notExists()));

    /** One sweep of the inbox: every pending report approved through the page's htmx form. */
    private static ChainBuilder sweep() {
        return exec(http("inbox").get("/inbox?period=" + PERIOD)
                .check(status().is(200),
                        css("meta[name=_csrf]", "content").saveAs("csrf"),
                        css("#inbox-pending form[action$='/approve']", "action").findAll().optional().saveAs("actions"),
                        css("#inbox-pending form[action$='/approve'] input[name=version]", "value").findAll().optional()
                                .saveAs("versions")))
                .exec(MonthEndSimulation::pending)
                .foreach("#{pending}", "item").on(
                        exec(Session::markAsSucceeded)
                                .exec(http("approve").post("#{item.action}")
                                .header("HX-Request", "true")
                                .header("X-CSRF-TOKEN", "#{csrf}")
                                .formParam("version", "#{item.version}")
                                .formParam("month", PERIOD)
                                .check(status().is(200), css("#message").transform(m -> m.endsWith("月报已审核通过")).is(true)))
                                .exec(MonthEndSimulation::answeredApproved)
                                .pause(Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    /**
     * The units whose approval the inbox answered as done, for scripts/load/verify.sh (approved.csv): an answer is not
     * a stored approval — one that said 已审核通过 and stored nothing passed both Gatling and verify (load review,
     * sixteenth session).
     */
    private static final java.util.Queue<String> APPROVED = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.regex.Pattern APPROVE_ACTION = java.util.regex.Pattern.compile("/inbox/([^/]+)/[^/]+/approve$");

    private static Session answeredApproved(Session session) {
        if (!session.isFailed()) {
            java.util.regex.Matcher m = APPROVE_ACTION.matcher(String.valueOf(session.<Map<String, Object>>get("item").get("action")));
            if (m.find()) {
                APPROVED.add(m.group(1));
            }
        }
        return session;
    }

    @Override
    public void after() {
        List<String> lines = new ArrayList<>(List.of("region"));
        lines.addAll(APPROVED);
        try {
            Files.write(FIXTURE.resolve("approved.csv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pairs each pending report's approve action with the version the page showed. */
    private static Session pending(Session session) {
        List<String> actions = session.contains("actions") ? session.getList("actions") : List.of();
        List<String> versions = session.contains("versions") ? session.getList("versions") : List.of();
        if (actions.size() != versions.size()) {
            throw new IllegalStateException("inbox: " + actions.size() + " actions but " + versions.size() + " versions");
        }
        List<Map<String, Object>> pending = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", actions.get(i));
            item.put("version", versions.get(i));
            pending.add(item);
        }
        return session.remove("actions").remove("versions").set("pending", pending);
    }

    private final ScenarioBuilder admin = scenario("administrator")
            .feed(feeder("admins.csv"))
            .exec(login("administrator"))
            .during(Duration.ofSeconds(DURATION)).on(
                    exec(sweep()).pause(Duration.ofSeconds(10), Duration.ofSeconds(30)))
            // what arrived in the last pause
            .exec(sweep());

    private final ScenarioBuilder viewer = scenario("viewer")
            .feed(feeder("viewers.csv"))
            .exec(login("viewer"))
            .during(Duration.ofSeconds(DURATION)).on(
                    exec(http("dashboard").get("/dashboard?region=#{region}&period=" + PERIOD).check(status().is(200)))
                            .exec(http("dashboard map data").get("/api/dashboard/map?region=#{region}&period=" + PERIOD)
                                    .header("Accept", "application/json").check(status().is(200)))
                            .pause(Duration.ofSeconds(3), Duration.ofSeconds(10))
                            .exec(http("progress").get("/progress?region=#{region}&period=" + PERIOD).check(status().is(200)))
                            .pause(Duration.ofSeconds(5), Duration.ofSeconds(15)));

    {
        setUp(
                reporter.injectOpen(rampUsers(REPORTERS).during(RAMP)),
                admin.injectOpen(rampUsers(ADMINS).during(Math.min(60, RAMP))),
                viewer.injectOpen(rampUsers(VIEWERS).during(Math.min(60, RAMP))))
                .protocols(protocol)
                // bounded: whatever happens, nothing runs past this
                .maxDuration(Duration.ofSeconds(Math.max(RAMP, DURATION) + 240L))
                .assertions(
                        // every request did what it should: the stale tab's save is expected to be a 409 (its check),
                        // anything else failing — a 5xx, an unexpected 409, a refused login — fails the run
                        global().failedRequests().count().is(0L),
                        details("submitted").successfulRequests().count().is((long) REPORTERS));
    }

    private static FeederBuilder<String> feeder(String file) {
        return csv(FIXTURE.resolve(file).toString()).queue();
    }

    private static int lines(String file) {
        try {
            List<String> all = Files.readAllLines(FIXTURE.resolve(file), StandardCharsets.UTF_8);
            return (int) all.stream().skip(1).filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("fixture missing (run scripts/load/prepare.sh): " + e.getMessage(), e);
        }
    }

    private static Properties meta() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(FIXTURE.resolve("fixture.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture missing (run scripts/load/prepare.sh): " + e.getMessage(), e);
        }
        return p;
    }
}
