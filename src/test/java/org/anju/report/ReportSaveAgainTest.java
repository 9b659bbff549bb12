package org.anju.report;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 12 of the double-submit trial (docs/reviews, row 9): a double-click on 保存 told the reporter "月报已被他人修改，
 * 请刷新后重试（未保存任何内容）" although their own first click had saved exactly these figures. A save sent again by the
 * same user with the same figures is answered as saved; any other stale save names who made the version there and when.
 */
@AnjuTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=report_save_again")
class ReportSaveAgainTest {

    static final String GANZHOU = "620702";
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";

    @Autowired
    Reports reports;
    @Autowired
    Regions regions;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    ReportRepository repository;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Actor reporter(String username, String displayName) {
        return new Actor(username, displayName, regions.byCode(GANZHOU).orElseThrow(), EnumSet.of(Role.COUNTY_REPORTER),
                Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static List<ReportValue> issued(String n) {
        return List.of(new ReportValue(ISSUED, "", new BigDecimal(n)));
    }

    @Test
    void theSameSaveSentAgainIsAnsweredAsSavedAndWritesNothing() {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        YearMonth p = YearMonth.of(2024, 7);
        Report first = as(me, () -> reports.save(GANZHOU, p, 0, issued("130")));
        assertThat(first.version()).isEqualTo(1);
        // Back + 确认重新提交表单: the same form, version 0 again (the month's first save), 130.0 typed as 130
        Report again = as(me, () -> reports.save(GANZHOU, p, 0, issued("130.0")));
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.value(ISSUED, "")).isEqualByComparingTo("130");
        Report second = as(me, () -> reports.save(GANZHOU, p, 1, issued("140")));
        Report secondAgain = as(me, () -> reports.save(GANZHOU, p, 1, issued("140")));
        assertThat(secondAgain.version()).isEqualTo(second.version()).isEqualTo(2);
        assertThat(reports.get(GANZHOU, p).events()).as("one SAVE per real save").hasSize(2);
    }

    @Test
    void aDoubleClickRacingItsFirstClickIsAnsweredAsSavedToo() throws Exception {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        for (YearMonth p : List.of(YearMonth.of(2024, 8), YearMonth.of(2024, 9))) {
            int version = 0;
            if (p.getMonthValue() == 9) {
                version = as(me, () -> reports.save(GANZHOU, p, 0, issued("1"))).version();  // an existing month too
            }
            int read = version;
            for (Report answer : AtOnce.twice(() -> as(me, () -> reports.save(GANZHOU, p, read, issued("77"))))) {
                assertThat(answer.version()).as(p + ": both answered as saved").isEqualTo(read + 1);
            }
            assertThat(reports.get(GANZHOU, p).value(ISSUED, "")).isEqualByComparingTo("77");
        }
    }

    @Test
    void aStaleSaveNamesWhoMadeTheVersionThereAndWhenNotAnUnnamedOther() {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        Actor colleague = reporter("gzq_colleague", "甘州区同事");
        YearMonth p = YearMonth.of(2024, 10);
        Report mine = as(me, () -> reports.save(GANZHOU, p, 0, issued("10")));
        as(colleague, () -> reports.save(GANZHOU, p, mine.version(), issued("20")));
        // my second window, still on version 1, with other figures: the colleague's save is named
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, p, mine.version(), issued("30"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("甘州区 2024-10 月报已被gzq_colleague于 ")
                .hasMessageEndingWith("保存，本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 1）")
                .hasMessageNotContaining("他人");
        // the colleague's figures again, from me: the version there is not mine — still refused, named
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, p, mine.version(), issued("20"))))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("gzq_colleague");
        // my own later save in another window, other figures than this one's: said as mine
        Report latest = as(me, () -> reports.save(GANZHOU, p, 2, issued("25")));
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, p, 2, issued("26"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("月报已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("本次未保存任何内容，请刷新后重试（当前版本 3，提交的版本 2）");
        assertThat(reports.get(GANZHOU, p).value(ISSUED, "")).isEqualByComparingTo("25");
        assertThat(latest.version()).isEqualTo(3);
    }

    @Test
    void aStaleStepNamesWhoMadeTheVersionThereNotAnUnnamedOther() {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        Actor colleague = reporter("gzq_colleague", "甘州区同事");
        YearMonth p = YearMonth.of(2024, 12);
        Report mine = as(me, () -> reports.save(GANZHOU, p, 0, issued("10")));
        as(colleague, () -> reports.save(GANZHOU, p, mine.version(), issued("20")));
        // 上报 from my page read at version 1: the colleague's save is named (it said 他人 for every step)
        assertThatThrownBy(() -> as(me, () -> reports.submit(GANZHOU, p, mine.version())))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("月报已被gzq_colleague于 ")
                .hasMessageEndingWith("保存，本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 1）")
                .hasMessageNotContaining("他人");
        as(me, () -> reports.save(GANZHOU, p, 2, issued("30")));
        assertThatThrownBy(() -> as(me, () -> reports.submit(GANZHOU, p, 2)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("月报已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("本次未保存任何内容，请刷新后重试（当前版本 3，提交的版本 2）");
        assertThat(reports.get(GANZHOU, p).status()).isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void aReportWithoutEventsNamesWhoChangedItsRowFromTheAuditTrail() {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        Actor colleague = reporter("gzq_colleague", "甘州区同事");
        YearMonth p = YearMonth.of(2023, 11);
        int unit = regions.byCode(GANZHOU).orElseThrow().id();
        // a month loaded from before the platform: a row at version 2 and no events
        as(colleague, () -> tx.execute(t -> jdbc.sql("""
                        insert into report (region_id, period, status, version, deadline, updated_by)
                        values (?, ?, 'DRAFT', 2, ?, 'gzq_colleague')""")
                .params(unit, p.atDay(1), p.plusMonths(1).atDay(5)).update()));
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, p, 1, issued("10"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("甘州区 2023-11 月报已被gzq_colleague于 ")
                .hasMessageEndingWith("新建，本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 1）")
                .hasMessageNotContaining("他人");
        as(me, () -> tx.execute(t -> jdbc.sql("update report set version = 3 where region_id = ? and period = ?")
                .params(unit, p.atDay(1)).update()));
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, p, 2, issued("10"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("月报已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，本次未保存任何内容，请刷新后重试（当前版本 3，提交的版本 2）");
        // a version of a month that has no report: nobody changed anything, and no one is named
        assertThatThrownBy(() -> as(me, () -> reports.save(GANZHOU, YearMonth.of(2023, 10), 4, issued("10"))))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("2023-10 月报尚未建立，没有您提交的版本 4")
                .hasMessageEndingWith("（尚未建立的月报为版本 0），本次未保存任何内容，请刷新后重试")
                .hasMessageNotContaining("他人");
    }

    @Test
    void aMonthCreatedMeanwhileNamesWhoCreatedIt() {
        Actor me = reporter("gzq_reporter", "甘州区住建局填报员");
        Actor colleague = reporter("gzq_colleague", "甘州区同事");
        YearMonth p = YearMonth.of(2023, 9);
        int unit = regions.byCode(GANZHOU).orElseThrow().id();
        java.time.LocalDate deadline = p.plusMonths(1).atDay(5);
        as(colleague, () -> tx.execute(t -> repository.create(unit, p, deadline, "gzq_colleague")));
        // the insert that lost on the month's unique key (as a 上报 racing the colleague's first save does)
        assertThatThrownBy(() -> as(me, () -> tx.execute(t -> repository.create(unit, p, deadline, "gzq_reporter"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("该月报表已被gzq_colleague于 ").hasMessageContaining("新建").hasMessageNotContaining("他人");
        assertThatThrownBy(() -> as(colleague, () -> tx.execute(t -> repository.create(unit, p, deadline, "gzq_colleague"))))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("该月报表已被您本人的账号（另一窗口或此前的一次提交）于 ");
    }

    @Test
    void onThePageTheGridAndTheFormSayShowSavedForTheSecondClick() throws Exception {
        var user = org.anju.TestUsers.as("gzq_reporter");
        String page = "/reports/" + GANZHOU + "/2024-11";
        for (int i = 0; i < 2; i++) {   // the grid (htmx): both answers 200 "已保存", version 1
            String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/save")
                            .header("HX-Request", "true").param("version", "0").param("v:" + ISSUED, "55").with(user))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("已保存").contains("id=\"report-version\">1<").doesNotContain("本次保存未生效");
        }
        for (int i = 0; i < 2; i++) {   // the form: Back and 确认重新提交表单
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/save")
                            .param("version", "1").param("v:" + ISSUED, "56").with(user))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message", "已保存"));
        }
        assertThat(reports.get(GANZHOU, YearMonth.of(2024, 11)).version()).isEqualTo(2);
    }
}
