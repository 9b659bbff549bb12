package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.anju.AnjuApplication;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.region.Regions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Import jobs on a cluster (issue 15): two (or three) application contexts on one database, as two app nodes behind a
 * balancer. A job started on one node is followed, and its result shown, on another; a node that dies (stops
 * heartbeating; its connection gone) leaves a job any node shows 中断 and nothing of the import in the tables; a user's
 * share of imports is counted on all nodes together; a node stopping gracefully takes no new job and marks what it
 * could not finish 中断.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.test.database=jobs_cluster", "anju.jobs.inline-wait-ms=0",
        "anju.jobs.heartbeat-timeout=2s", "anju.imports.max-per-user=1", "anju.jobs.node-name=node1",
        "spring.lifecycle.timeout-per-shutdown-phase=3s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsClusterTest {

    static final Pattern POLL = Pattern.compile("hx-get=\"([^\"]+)\"");
    static final Pattern STAGE = Pattern.compile("id=\"job-stage\">([^<]+)<");
    static final String MINISTRY = "mohurd_operator";
    static final String INTERRUPTED = "导入中断：处理它的服务器已停止，未写入任何数据；请重新导入";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Jobs jobs;
    @Autowired
    org.springframework.context.ApplicationContext node1;

    /** The second node, shared by the tests until the last one stops it. */
    static ConfigurableApplicationContext node2;
    static boolean node2Started;

    @BeforeEach
    void cluster() {
        jdbc.sql("""
                insert into users (username, display_name, password_hash, region_id, roles)
                select ?, '住房和城乡建设部操作员', '{noop}unused', id, '{PROVINCE_ADMIN}' from region where code = '000000'
                on conflict (username) do nothing""").param(MINISTRY).update();
        if (!node2Started) {
            node2 = node("node2", "anju.jobs.heartbeat-timeout=2s");
            node2Started = true;
        }
    }

    @AfterAll
    static void stopNode2() {
        if (node2 != null) {
            node2.close();
            node2 = null;
        }
    }

    /** Another node on this test's database (the same pool settings; its own key, no personal data is read). */
    ConfigurableApplicationContext node(String name, String... more) {
        HikariDataSource db = (HikariDataSource) dataSource;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> props = new ArrayList<>(List.of("anju.db.url=" + db.getJdbcUrl(), "anju.db.user=" + db.getUsername(),
                "anju.db.password=" + db.getPassword(), "anju.privacy.key=1:" + Base64.getEncoder().encodeToString(key),
                "server.port=0", "anju.jobs.inline-wait-ms=0", "anju.imports.max-per-user=1",
                "anju.jobs.node-name=" + name));
        props.addAll(List.of(more));
        // as command-line arguments: they come before application.yml's ${ANJU_DB_URL:} and ${PORT:8080}
        return new SpringApplicationBuilder(AnjuApplication.class).web(WebApplicationType.SERVLET).profiles("test")
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    static MockMvc mvc(ConfigurableApplicationContext node) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) node).apply(springSecurity()).build();
    }

    /** Polls a job's page fragment on {@code on} until it turns into the result; the stages seen on the way. */
    static MvcResult poll(MockMvc on, String first, Set<String> stages) throws Exception {
        String body = first;
        MvcResult result = null;
        for (int i = 0; i < 600; i++) {
            Matcher stage = STAGE.matcher(body);
            if (!stage.find()) {
                return result;
            }
            stages.add(stage.group(1));
            Matcher poll = POLL.matcher(body);
            assertThat(poll.find()).isTrue();
            Thread.sleep(50);
            result = on.perform(get(poll.group(1).replace("&amp;", "&")).header("HX-Request", "true")
                    .with(TestUsers.asExisting(MINISTRY))).andReturn();
            body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        throw new AssertionError("the job did not end: " + body);
    }

    @Test
    @Order(1)
    void anImportStartedOnOneNodeIsFollowedAndShownOnTheOther() throws Exception {
        MockMvc other = mvc(node2);
        byte[] national = SyntheticNationalPlan.text(regions, 11).getBytes(StandardCharsets.UTF_8);
        String first = mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "全国.txt", "text/plain", national))
                        .header("HX-Request", "true").with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher id = Pattern.compile("/imports/jobs/([0-9a-f-]{36})").matcher(first);
        assertThat(id.find()).isTrue();
        // the JSON of the job on node 2, while it runs on node 1
        other.perform(get("/api/import-jobs/" + id.group(1)).with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("预览 全国.txt"));
        other.perform(get("/api/import-jobs/" + id.group(1)).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isNotFound());

        Set<String> stages = new LinkedHashSet<>();
        MvcResult preview = poll(other, first, stages); // every poll on node 2
        String shown = preview.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("预览（尚未写入）").contains("确认导入").contains("识别出的数字（");
        assertThat(stages).as("node 2 saw node 1's stages").anyMatch(s -> List.of("读取文件", "识别表格", "解析地区和指标", "校验", "保存预览").contains(s));
        other.perform(get("/api/import-jobs/" + id.group(1)).with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("FINISHED"))
                .andExpect(jsonPath("$.stage").value("完成"));
        assertThat(jdbc.sql("select node from import_job where id = ?::uuid").param(id.group(1)).query(String.class).single())
                .startsWith("node1:");

        // committed on node 2, the redirect to the new plan read on node 1
        Matcher batch = Pattern.compile("/imports/(\\d+)/commit").matcher(shown);
        assertThat(batch.find()).isTrue();
        String committing = other.perform(post("/imports/" + batch.group(1) + "/commit").header("HX-Request", "true")
                        .with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        MvcResult commit = poll(mvc, committing, new LinkedHashSet<>());
        long plan = jdbc.sql("select id from plan").query(Long.class).single();
        assertThat(commit.getResponse().getHeader("HX-Redirect")).isEqualTo("/plans/" + plan);
    }

    @Test
    @Order(2)
    void aUsersShareIsCountedOnEveryNode() throws Exception {
        Jobs other = node2.getBean(Jobs.class);
        CountDownLatch release = new CountDownLatch(1);
        String held = jobs.start("jx_admin", "占位", Jobs.REGISTER_STAGES, () -> {
            await(release);
            return new Held("占位");
        });
        String busy = "您已有 1 个导入正在进行或排队，请等其完成后再导入（未写入任何数据）";
        assertThatThrownBy(() -> other.start("jx_admin", "第二个", Jobs.REGISTER_STAGES, () -> new Held("不应运行")))
                .isInstanceOf(ImportSlots.Busy.class).hasMessage(busy);
        assertThatThrownBy(() -> node2.getBean(ImportSlots.class).run("jx_admin", () -> "不应运行"))
                .isInstanceOf(ImportSlots.Busy.class).hasMessage(busy);
        release.countDown();
        assertThat(jobs.await(held, "jx_admin").result(Held.class)).isEqualTo(new Held("占位"));
        // its end read on node 2 from the row: the result record, as JSON
        assertThat(other.get(held, "jx_admin").result(Held.class)).isEqualTo(new Held("占位"));
        assertThat(node2.getBean(ImportSlots.class).run("jx_admin", () -> "轮到了")).isEqualTo("轮到了");

        // the last place taken on both nodes at once: one gets it, never both
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                String owner = "race" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                CountDownLatch hold = new CountDownLatch(1);
                List<Future<String>> tries = new ArrayList<>();
                for (Jobs node : List.of(jobs, other)) {
                    tries.add(two.submit(() -> {
                        together.await();
                        try {
                            return node.start(owner, "并发", Jobs.REGISTER_STAGES, () -> {
                                await(hold);
                                return new Held(owner);
                            });
                        } catch (ImportSlots.Busy e) {
                            return null;
                        }
                    }));
                }
                List<String> started = new ArrayList<>();
                for (Future<String> f : tries) {
                    String jobId = f.get(20, TimeUnit.SECONDS);
                    if (jobId != null) {
                        started.add(jobId);
                    }
                }
                hold.countDown();
                assertThat(started).as("round " + round).hasSize(1);
                assertThat(jdbc.sql("select count(*) from import_job where owner = ?").param(owner).query(Long.class).single())
                        .isEqualTo(1);
            }
        }
    }

    /** A stand-in for an import's result record. */
    record Held(String name) {
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Work that writes a row in its transaction and then waits (as a long import does) until released. */
    static java.util.function.Supplier<Held> writingThenWaiting(org.springframework.context.ApplicationContext node, String key,
                                                                 CountDownLatch writing, CountDownLatch release) {
        TransactionTemplate tx = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        JdbcClient db = node.getBean(JdbcClient.class);
        Regions regions = node.getBean(Regions.class);
        return () -> Access.runAs(Actor.system(regions.root()), () -> tx.execute(s -> {
            db.sql("insert into app_setting (key, value) values (?, 'written by a job')").param(key).update();
            writing.countDown();
            await(release);
            return new Held(key);
        }));
    }

    @Test
    @Order(3)
    void aJobWhoseNodeDiedIsShownInterruptedEverywhereAndLeftNothing() throws Exception {
        ConfigurableApplicationContext node3 = node2; // dies here
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            String id = node3.getBean(Jobs.class).start(MINISTRY, "导入（写入）", Jobs.PLAN_STAGES,
                    writingThenWaiting(node3, "job-of-a-dying-node", writing, release));
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600); // its row says RUNNING by now
            mvc.perform(get("/api/import-jobs/" + id).with(TestUsers.asExisting(MINISTRY)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RUNNING"));

            // kill -9, as far as the database can tell: no more heartbeats, and its connections are gone
            node3.getBean(ImportSlots.class).fallSilent();
            jdbc.sql("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null""")
                    .query((rs, n) -> 1).list();

            // within the heartbeat timeout node 1 still shows it running; then 中断, with the refusal's wording
            long since = System.nanoTime();
            String body;
            do {
                Thread.sleep(200);
                body = mvc.perform(get("/imports/jobs/" + id).header("HX-Request", "true").with(TestUsers.asExisting(MINISTRY)))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            } while (!body.contains(INTERRUPTED) && System.nanoTime() - since < TimeUnit.SECONDS.toNanos(20));
            assertThat(body).contains(INTERRUPTED);
            assertThat(System.nanoTime() - since).as("not before the timeout").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1200));
            mvc.perform(get("/imports/jobs/" + id).header("HX-Request", "true").with(TestUsers.asExisting(MINISTRY)))
                    .andExpect(status().isConflict());
            mvc.perform(get("/api/import-jobs/" + id).with(TestUsers.asExisting(MINISTRY)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("INTERRUPTED"))
                    .andExpect(jsonPath("$.stateName").value("中断")).andExpect(jsonPath("$.message").value(INTERRUPTED));
            assertThat(jdbc.sql("select state from import_job where id = ?::uuid").param(id).query(String.class).single())
                    .as("marked for every node").isEqualTo("INTERRUPTED");
            assertThat(jdbc.sql("select count(*) from app_setting where key = 'job-of-a-dying-node'").query(Long.class).single())
                    .as("rolled back with the dead node's connection").isZero();
            // the dead job no longer holds its owner's share
            assertThat(jobs.await(jobs.start(MINISTRY, "重新导入", Jobs.REGISTER_STAGES, () -> new Held("again")), MINISTRY)
                    .result(Held.class)).isEqualTo(new Held("again"));
        } finally {
            release.countDown();
            node3.close();
            node2 = null;
        }
    }

    @Test
    @Order(4)
    void aNodeStoppingGracefullyTakesNoNewJobAndMarksWhatItCouldNotFinish() throws Exception {
        // node 1 stops (its shutdown phase has 3 s); the job never finishes by itself
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        String id = jobs.start(MINISTRY, "导入（写入）", Jobs.PLAN_STAGES,
                writingThenWaiting(node1, "job-of-a-stopping-node", writing, never));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        CountDownLatch stopped = new CountDownLatch(1);
        long since = System.nanoTime();
        jobs.stop(stopped::countDown);
        assertThatThrownBy(() -> jobs.start(MINISTRY, "新的", Jobs.REGISTER_STAGES, () -> new Held("x")))
                .isInstanceOf(ImportSlots.Busy.class).hasMessage("服务器正在停止，不再接受新的导入，请稍后重试（未写入任何数据）");
        assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - since).as("the running job had its grace period")
                .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1900));
        // marked at once, not after the heartbeat timeout; the work was interrupted and its transaction rolled back
        assertThat(jdbc.sql("select state || ' ' || error_message from import_job where id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("INTERRUPTED " + INTERRUPTED);
        mvc.perform(get("/api/import-jobs/" + id).with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("INTERRUPTED"))
                .andExpect(jsonPath("$.message").value(INTERRUPTED));
        Thread.sleep(500);
        assertThat(jdbc.sql("select count(*) from app_setting where key = 'job-of-a-stopping-node'").query(Long.class).single())
                .isZero();
    }
}
