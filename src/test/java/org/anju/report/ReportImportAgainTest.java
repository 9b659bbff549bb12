package org.anju.report;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Defect 11 of the double-submit trial (2026-12-04, row 31): 月报导入并上报 sent twice answered the second "导入失败，未写入任何
 * 数据：…月报已上报，不能修改" although the first had imported and submitted it. The same file by the same user after an
 * import nothing has changed since is answered with that import's result; a different file, or the same one after the
 * month was returned, meets the refusals that are true.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=report_import_again")
class ReportImportAgainTest {

    static final String GANZHOU = "620702";

    @Autowired
    MockMvc mvc;
    @Autowired
    Reports reports;
    @Autowired
    ReportImport imports;

    FlashMap importing(String csv, String user) throws Exception {
        return importing(csv, TestUsers.as(user));
    }

    FlashMap importing(String csv, org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "月报.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(multipart("/reports/import").file(file).param("region", GANZHOU).param("submit", "true")
                .with(user)).andReturn().getFlashMap();
    }

    static String csv(YearMonth month, int issued) {
        return "地区,月份,已发放户数（户）\n甘州区," + month + "," + issued + "\n";
    }

    Report report(YearMonth month) {
        return reports.get(GANZHOU, month);
    }

    @Test
    void theSameFileSentAgainIsToldItWasImportedNotThatItFailed() throws Exception {
        YearMonth month = YearMonth.of(2024, 11);
        FlashMap first = importing(csv(month, 12), "gzq_reporter");
        assertThat(first.get("message")).isEqualTo("已导入 月报.csv：1 份月报，其中上报 1 份；读取的列：已发放户数（户），文件中没有的项保留原有数值");
        FlashMap again = importing(csv(month, 12), "gzq_reporter");
        assertThat(again.get("problems")).as("no failure").isNull();
        assertThat((String) again.get("message")).startsWith("该文件（月报.csv）已于 ")
                .endsWith("由您导入：1 份月报，其中上报 1 份；读取的列：已发放户数（户），文件中没有的项保留原有数值；此后这些月报没有改动。这次是重复提交，没有再次导入，也没有写入任何数据");
        Report r = report(month);
        assertThat(r.events()).extracting(ReportEvent::action).containsExactly("SAVE", "SUBMIT");

        // a true refusal stays: other figures for the month it submitted
        FlashMap other = importing(csv(month, 13), "gzq_reporter");
        assertThat(other.get("message")).isNull();
        assertThat(other.get("problems").toString()).contains("已上报");

        // once the month was returned, the same file is imported (and submitted) again, as ever
        mvc.perform(post("/reports/" + GANZHOU + "/" + month + "/return").param("version", String.valueOf(r.version()))
                .param("reason", "请核实").with(TestUsers.as("zy_admin")));
        assertThat(report(month).status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(importing(csv(month, 12), "gzq_reporter").get("message"))
                .isEqualTo("已导入 月报.csv：1 份月报，其中上报 1 份；读取的列：已发放户数（户），文件中没有的项保留原有数值");
        assertThat(report(month).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void aDoubleClickRacingTheFirstImportWaitsAndIsAnsweredWithItsResult() throws Exception {
        YearMonth month = YearMonth.of(2024, 12);
        var reporter = TestUsers.as("gzq_reporter");
        // the demo account is made on its first request: on the test's thread, which acts as the system
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/reports").with(reporter));
        List<FlashMap> answers = AtOnce.twice(() -> importing(csv(month, 21), reporter));
        assertThat(answers).allSatisfy(a -> assertThat(a.get("problems")).as("no failure").isNull());
        assertThat(answers).filteredOn(a -> "已导入 月报.csv：1 份月报，其中上报 1 份；读取的列：已发放户数（户），文件中没有的项保留原有数值".equals(a.get("message"))).hasSize(1);
        assertThat(answers).filteredOn(a -> a.get("message").toString().contains("这次是重复提交，没有再次导入")).hasSize(1);
        assertThat(report(month).events()).extracting(ReportEvent::action).containsExactly("SAVE", "SUBMIT");
    }

    @Test
    void withoutAScopeAndWithoutSubmittingToo() {
        byte[] csv = csv(YearMonth.of(2024, 10), 5).getBytes(StandardCharsets.UTF_8);
        ReportImport.ImportSummary first = imports.importFile("十月.csv", csv, null, false);
        assertThat(first.repeated()).isFalse();
        ReportImport.ImportSummary again = imports.importFile("十月.csv", csv, null, false);
        assertThat(again.repeated()).isTrue();
        assertThat(again.importedAt()).isEqualTo(first.importedAt());
        assertThat(report(YearMonth.of(2024, 10)).version()).as("saved once").isEqualTo(1);
        // with 上报 it is another request: imported (and submitted) as asked
        ReportImport.ImportSummary submitting = imports.importFile("十月.csv", csv, null, true);
        assertThat(submitting.repeated()).isFalse();
        assertThat(submitting.submitted()).isEqualTo(1);
    }
}
