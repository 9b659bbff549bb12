package org.anju.plan.web;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Regions;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hostile and interrupted imports write nothing: an XXE DOCX and a zip bomb through the HTTP endpoint,
 * and a large import whose database connection is killed after its rows are written.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=import_safety")
class ImportSafetyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlanImporter importer;
    @Autowired
    Regions regions;
    @Autowired
    org.anju.account.DemoUsers demoUsers;

    @org.junit.jupiter.api.BeforeEach
    void users() {
        demoUsers.ensure(TestUsers.CITY_ADMIN);
    }

    /** Row counts of everything an import writes. */
    Map<String, Long> counts() {
        Map<String, Long> c = new java.util.TreeMap<>();
        for (String table : new String[] {"plan", "breakdown_table", "breakdown_row", "breakdown_column", "target",
                "target_rollup", "milestone", "stated_total", "import_batch", "audit_log"}) {
            c.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return c;
    }

    static byte[] docx(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText(text);
            d.write(out);
        }
        return out.toByteArray();
    }

    static byte[] rewrite(byte[] zip, String entry, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(entry) ? change.apply(new String(content, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8) : content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anXxeDocxIsRefusedWith422AndNothingWritten(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        byte[] evil = rewrite(docx("PLACEHOLDER"), "word/document.xml", xml -> {
            int root = xml.indexOf("<w:document");
            return xml.substring(0, root) + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + xml.substring(root).replace("PLACEHOLDER", "&xxe;");
        });
        Map<String, Long> before = counts();
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "通知.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", evil))
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.problems[0].message", containsString("DOCTYPE/外部实体声明")))
                .andExpect(content().string(not(containsString("TOP-SECRET-42"))));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aZipBombIsRefusedWith422AndNothingWritten() throws Exception {
        byte[] bomb = rewrite(docx("通知"), "word/document.xml", xml -> {
            int at = xml.indexOf("<w:body");
            return xml.substring(0, at) + "\n".repeat(20 * 1024 * 1024) + xml.substring(at);
        });
        assertThat(bomb.length).isLessThan(100 * 1024);
        Map<String, Long> before = counts();
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "通知.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb))
                        .param("dryRun", "true").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].message", containsString("疑似压缩炸弹")));
        // the page says the same, in the htmx fragment
        mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "通知.docx",
                        "application/octet-stream", bomb)).header("HX-Request", "true").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(content().string(containsString("疑似压缩炸弹")))
                .andExpect(content().string(containsString("未写入任何数据")));
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A national plan (45,000 figures) is written — plan, tables, rows, targets, rollups, audit — and then
     * its connection is killed before the transaction ends: nothing of it remains.
     */
    @Test
    void anImportWhoseConnectionIsKilledMidwayLeavesNothing() throws Exception {
        byte[] national = SyntheticNationalPlan.text(regions, 11).getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = counts();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                // the import writes import_batch last (sweeping expired previews, then its own): it will wait here with
                // everything else written
                st.execute("lock table import_batch in exclusive mode");
            }
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                    () -> org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()),
                            () -> importer.importFile("全国.txt", national, ImportOptions.commit())));
            Integer pid = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (pid == null && Instant.now().isBefore(deadline)) {
                pid = jdbc.sql("""
                                select pid from pg_stat_activity
                                where datname = current_database() and wait_event_type = 'Lock'
                                  and (query ilike 'insert into import_batch%' or query ilike 'delete from import_batch%')""")
                        .query(Integer.class).optional().orElse(null);
                Thread.sleep(20);
            }
            assertThat(pid).as("the import reached its last insert").isNotNull();
            assertThat(jdbc.sql("""
                            select count(*) from pg_locks where pid = ? and mode = 'RowExclusiveLock'
                              and relation in ('plan'::regclass, 'target'::regclass, 'breakdown_row'::regclass,
                                               'target_rollup'::regclass, 'audit_log'::regclass)""")
                    .param(pid).query(Long.class).single())
                    .as("plan, targets, rows, rollups and audit are written (not yet committed)").isEqualTo(5);
            assertThat(jdbc.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
            blocker.rollback();
            Throwable failure = null;
            try {
                running.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("the import fails when its connection dies").isNotNull();
        }
        assertThat(counts()).isEqualTo(before);
        // and the pool recovers: the next import goes through
        assertThat(importer.importFile("全国.txt", national, ImportOptions.commit()).committed()).isTrue();
    }
}
