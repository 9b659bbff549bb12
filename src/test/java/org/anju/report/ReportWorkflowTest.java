package org.anju.report;

import org.anju.AnjuTest;
import org.anju.intake.InputException;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnjuTest
@TestPropertySource(properties = "anju.test.database=report_workflow")
class ReportWorkflowTest {

    static final String GANZHOU = "620702";
    static final String LINZE = "620723";
    static final String CITY = "620700";
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    static final String AMOUNT = "RENTAL_SUBSIDY.ISSUE.YUAN_10K";

    @Autowired
    Reports reports;
    @Autowired
    ReportInbox inbox;
    @Autowired
    ReportImport imports;
    @Autowired
    Progress progress;

    static List<ReportValue> values(long issued, String received, String disbursed) {
        return List.of(new ReportValue(ISSUED, "", BigDecimal.valueOf(issued)),
                new ReportValue(RECEIVED, "CENTRAL_SUBSIDY", new BigDecimal(received)),
                new ReportValue(DISBURSED, "CENTRAL_SUBSIDY", new BigDecimal(disbursed)));
    }

    @Test
    void draftSubmitApproveReturnLockMovesTheRollupsAlong() {
        YearMonth p = YearMonth.of(2024, 3);
        Report empty = reports.get(GANZHOU, p);
        assertThat(empty.id()).isNull();
        assertThat(empty.deadline()).isEqualTo(java.time.LocalDate.of(2024, 4, 5));

        Report draft = reports.save(GANZHOU, p, 0, values(500, "1000", "400"));
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(progress.summary(CITY, p).actual(ISSUED)).as("a draft does not count").isNull();

        Report submitted = reports.submit(GANZHOU, p, draft.version());
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.submittedBy()).isEqualTo("system");
        reports.submit(LINZE, p, reports.save(LINZE, p, 0, values(100, "500", "500")).version());

        ProgressSummary city = progress.summary(CITY, p);
        assertThat(city.actual(ISSUED)).isEqualByComparingTo("600");
        assertThat(city.actual(RECEIVED)).isEqualByComparingTo("1500");
        assertThat(city.rate(DISBURSED)).isEqualByComparingTo("60.0");   // 900 ÷ 1500
        assertThat(progress.summary("620000", p).actual(ISSUED)).as("province").isEqualByComparingTo("600");
        assertThat(progress.summary("000000", p).actual(ISSUED)).as("nation").isEqualByComparingTo("600");
        assertThat(progress.summary(GANZHOU, p).rate(DISBURSED)).isEqualByComparingTo("40.0");

        assertThatThrownBy(() -> reports.save(GANZHOU, p, submitted.version(), values(1, "1", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("已上报");

        Report returned = reports.returnReport(GANZHOU, p, submitted.version(), "拨付数与财政数据不符");
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("拨付数与财政数据不符");
        assertThat(progress.summary(CITY, p).actual(ISSUED)).as("returned leaves the roll-up").isEqualByComparingTo("100");
        assertThatThrownBy(() -> reports.returnReport(LINZE, p, 2, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("原因");

        Report corrected = reports.save(GANZHOU, p, returned.version(), values(520, "1000", "450"));
        Report resubmitted = reports.submit(GANZHOU, p, corrected.version());
        assertThat(progress.summary(CITY, p).actual(ISSUED)).isEqualByComparingTo("620");
        assertThat(progress.summary(CITY, p).line(ISSUED).orElseThrow().units()).isEqualTo(2);

        Report approved = reports.approve(GANZHOU, p, resubmitted.version());
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        Report locked = reports.lock(GANZHOU, p, approved.version());
        assertThat(locked.status()).isEqualTo(ReportStatus.LOCKED);
        assertThatThrownBy(() -> reports.save(GANZHOU, p, locked.version(), values(1, "1", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("已锁定，不能修改");
        assertThat(locked.events()).extracting(ReportEvent::action)
                .containsExactly("SAVE", "SUBMIT", "RETURN", "SAVE", "SUBMIT", "APPROVE", "LOCK");
        assertThat(locked.events().get(2).reason()).isEqualTo("拨付数与财政数据不符");

        List<Completeness> c = inbox.completeness(CITY, p);
        assertThat(c.getFirst().expected()).isEqualTo(7);   // six counties and 市本级
        assertThat(c.getFirst().submitted()).isEqualTo(2);
        assertThat(c.getFirst().approved()).isEqualTo(1);
        assertThat(inbox.missing(progress.region(CITY), p)).hasSize(5);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() {
        YearMonth p = YearMonth.of(2024, 5);
        Report first = reports.save(GANZHOU, p, 0, values(10, "10", "5"));
        Report second = reports.save(GANZHOU, p, first.version(), values(20, "10", "5"));
        // the version there is named with who made it (here the same actor, the system: 系统, which has no account), not 他人
        assertThatThrownBy(() -> reports.save(GANZHOU, p, first.version(), values(99, "10", "5")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("甘州区 2024-05 月报已被系统于 ")
                .hasMessageEndingWith("保存，本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 1）");
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, values(99, "10", "5")))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 0）");
        assertThatThrownBy(() -> reports.submit(GANZHOU, p, first.version()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("甘州区 2024-05 月报已被系统于 ")
                .hasMessageEndingWith("保存，本次未保存任何内容，请刷新后重试（当前版本 2，提交的版本 1）");
        // a version the month never had: nobody changed it after that read, so nobody is named (guesses audit L3)
        assertThatThrownBy(() -> reports.save(GANZHOU, p, second.version() + 1, values(99, "10", "5")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("甘州区 2024-05 月报没有第 3 版（现为第 2 版），本次未保存任何内容，请刷新后重试");
        assertThatThrownBy(() -> reports.submit(GANZHOU, p, second.version() + 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("甘州区 2024-05 月报没有第 3 版（现为第 2 版），本次未保存任何内容，请刷新后重试");
        Report now = reports.get(GANZHOU, p);
        assertThat(now.version()).isEqualTo(second.version());
        assertThat(now.value(ISSUED, "")).isEqualByComparingTo("20");
        assertThat(now.status()).isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void implausibleFiguresAreFlaggedAndNegativeOnesRefused() {
        YearMonth june = YearMonth.of(2024, 6);
        YearMonth july = YearMonth.of(2024, 7);
        reports.submit(LINZE, june, reports.save(LINZE, june, 0, values(300, "100", "80")).version());
        Report r = reports.save(LINZE, july, 0, values(250, "100", "120"));
        assertThat(r.flags()).hasSize(2);
        assertThat(r.flags().get(0)).contains("低于上月累计 300");
        assertThat(r.flags().get(1)).contains("拨付 120 万元，超过到位资金 100 万元");
        assertThatThrownBy(() -> reports.save(LINZE, july, r.version(), values(-1, "100", "80")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> reports.save(LINZE, july.plusMonths(1), 0, List.of(new ReportValue("OLD_COMMUNITY.START.HOUSEHOLD", "", BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不是月报填报项");
    }

    @Test
    void importNamesEveryBadCellAndWritesNothing() {
        String csv = """
                地区,月份,已发放户数（户）,到位资金（万元）
                甘州区,2024-08,12,30
                不存在县,2024-08,1,1
                临泽县,2024-08,-3,x
                """;
        assertThatThrownBy(() -> imports.importFile("八月.csv", csv.getBytes(StandardCharsets.UTF_8), CITY, true))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 八月.csv，正文，第 3 行，第 A 列：未知地区：不存在县（请填写地区的规范名称，如“临泽县”，或六位区划代码；名称和代码可在“行政区划”页查找）",
                                "文件 八月.csv，正文，第 4 行，第 C 列：“已发放户数（户）”不能为负数：-3",
                                "文件 八月.csv，正文，第 4 行，第 D 列：“到位资金（万元）”不是数字：x"));
        assertThat(reports.get(GANZHOU, YearMonth.of(2024, 8)).id()).as("nothing written").isNull();

        ReportImport.ImportSummary ok = imports.importFile("八月.csv",
                "地区,月份,已发放户数（户）,到位资金（万元）\n甘州区,2024-08,12,30\n".getBytes(StandardCharsets.UTF_8), CITY, true);
        assertThat(ok.submitted()).isEqualTo(1);
        assertThat(reports.get(GANZHOU, YearMonth.of(2024, 8)).value(RECEIVED, "UNSPECIFIED")).isEqualByComparingTo("30");
    }

    /** Bounds (issue 10): no figure a county could not have, no report for a region that does not report. */
    @Test
    void implausibleFiguresAndNonReportingRegionsAreRefused() {
        YearMonth p = YearMonth.of(2024, 5);
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, List.of(new ReportValue(ISSUED, "", new BigDecimal("1e131071")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("住房租赁补贴·已发放户数不合理")
                .hasMessageContaining("请核对数值和单位");
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.YUAN_10K", "",
                new BigDecimal("1.00001")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("最多 4 位小数");
        // per measure (configurable): a county does not issue subsidies to two million households in a month
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, List.of(new ReportValue(ISSUED, "", new BigDecimal("2000000")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("住房租赁补贴·已发放户数不合理：2000000（应为不超过 1000000 户的整数；请核对数值和单位）");
        assertThatThrownBy(() -> imports.importFile("九月.csv", "地区,月份,已发放户数（户）\n甘州区,2024-09,2000000\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems().getFirst().describe()).isEqualTo(
                        "文件 九月.csv，正文，第 2 行，第 C 列：已发放户数（户）不合理：2000000（应为不超过 1000000 户的整数；请核对数值和单位）"));
        assertThatThrownBy(() -> reports.save(CITY, p, 0, values(1, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("张掖市不是填报单位");
        assertThat(reports.get(GANZHOU, p).id()).isNull();
    }

    /**
     * A count is whole (operator trial: 1.5 户 was stored): refused by the form's and the API's save and by an import,
     * naming the field or the cell, and nothing is written; an amount keeps its decimals.
     */
    @Test
    void aFractionOfACountIsRefusedAndNothingWritten() {
        YearMonth p = YearMonth.of(2024, 2);
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, List.of(new ReportValue(ISSUED, "", new BigDecimal("1.5")))))
                .isInstanceOf(org.anju.platform.BadInput.class)
                .hasMessage("住房租赁补贴·已发放户数应为整数：1.5（按户计数，不能有小数；请填写核实的整数，系统不代为舍入）");
        assertThatThrownBy(() -> reports.save(GANZHOU, p, 0, List.of(
                new ReportValue("RENTAL_SUBSIDY.ISSUE.YUAN_10K", "", new BigDecimal("12.5")),
                new ReportValue("PUBLIC_RENTAL.VACATE.UNIT", "", new BigDecimal("0.5")))))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageStartingWith("公租房信息系统录入·核查腾退公租房应为整数：0.5（按套计数");
        assertThatThrownBy(() -> imports.importFile("二月.csv", "地区,月份,已发放户数（户）,发放金额（万元）\n甘州区,2024-02,12.5,3.25\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 二月.csv，正文，第 2 行，第 C 列：已发放户数（户）应为整数：12.5（按户计数，不能有小数；"
                                + "请填写核实的整数，系统不代为舍入）"));
        assertThat(reports.get(GANZHOU, p).id()).as("nothing written").isNull();
        // a workbook's number its format shows rounded (0: 12.5 shows 13) is said as such; a text cell is not
        byte[] xlsx = org.anju.Workbooks.xlsx("月报", new Object[] {"地区", "月份", "已发放户数（户）", "核查腾退公租房（套）"},
                new Object[] {"甘州区", "2024-02", org.anju.Workbooks.formatted(12.5, "0"), "0.5"});
        assertThatThrownBy(() -> imports.importFile("二月.xlsx", xlsx, CITY, false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 二月.xlsx，工作表 月报，第 2 行，第 C 列：已发放户数（户）应为整数：12.5（按户计数，不能有小数；"
                                        + "这是单元格里存的数值，表格按单元格格式显示为舍入后的 13；请填写核实的整数，系统不代为舍入）",
                                "文件 二月.xlsx，工作表 月报，第 2 行，第 D 列：核查腾退公租房（套）应为整数：0.5（按套计数，不能有小数；"
                                        + "请填写核实的整数，系统不代为舍入）"));
        assertThat(reports.get(GANZHOU, p).id()).as("nothing written").isNull();

        Report saved = reports.save(GANZHOU, p, 0, List.of(new ReportValue(ISSUED, "", new BigDecimal("12.0")),
                new ReportValue("RENTAL_SUBSIDY.ISSUE.YUAN_10K", "", new BigDecimal("3.2575"))));
        assertThat(saved.value(ISSUED, "")).isEqualByComparingTo("12");
        assertThat(saved.value("RENTAL_SUBSIDY.ISSUE.YUAN_10K", "")).isEqualByComparingTo("3.2575");
    }

    /**
     * Guesses audit H2: a file sets the items it has columns for (a blank cell clears one) and keeps the month's other
     * stored figures — a sheet of 已发放户数 and 发放金额 alone erased the month's funds.
     */
    @Test
    void anImportKeepsTheFiguresOfItemsItHasNoColumnFor() {
        YearMonth p = YearMonth.of(2024, 4);
        reports.save(GANZHOU, p, 0, List.of(new ReportValue(ISSUED, "", new BigDecimal("500")),
                new ReportValue(AMOUNT, "", new BigDecimal("80")),
                new ReportValue(RECEIVED, "CENTRAL_SUBSIDY", new BigDecimal("1000")),
                new ReportValue(DISBURSED, "CENTRAL_SUBSIDY", new BigDecimal("400"))));
        imports.importFile("四月.csv", "地区,月份,已发放户数（户）,发放金额（万元）\n甘州区,2024-04,520,\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false);
        Report r = reports.get(GANZHOU, p);
        assertThat(r.value(ISSUED, "")).isEqualByComparingTo("520");
        assertThat(r.value(AMOUNT, "")).as("the file's column, blank: cleared").isNull();
        assertThat(r.value(RECEIVED, "CENTRAL_SUBSIDY")).as("no column in the file: kept").isEqualByComparingTo("1000");
        assertThat(r.value(DISBURSED, "CENTRAL_SUBSIDY")).isEqualByComparingTo("400");
        assertThat(r.values()).hasSize(3);
    }

    /**
     * Review 25 H1: a total (到位资金（万元）, 未分来源) over funds kept per source would be added to them — 150 given as the
     * total read 300 — and per-source columns over a kept total likewise. Whether the column is the total or one more
     * part is not known: refused naming the cell and the figures there, nothing written.
     */
    @Test
    void aFundTotalOverFiguresKeptPerSourceIsRefusedNotAddedUp() {
        YearMonth p = YearMonth.of(2024, 6);
        Report before = reports.save(GANZHOU, p, 0, List.of(new ReportValue(RECEIVED, "CENTRAL_SUBSIDY", new BigDecimal("100")),
                new ReportValue(RECEIVED, "PROVINCIAL_SUBSIDY", new BigDecimal("50"))));
        assertThatThrownBy(() -> imports.importFile("六月.csv", "地区,月份,到位资金（万元）\n甘州区,2024-06,150\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 六月.csv，正文，第 2 行，第 C 列：甘州区 2024-06 已按来源填报到位资金（中央补助 100、"
                                + "省级补助 50 万元）；“到位资金（万元）”是合计还是未分来源的部分无法确定：请按来源分列填写，"
                                + "或先在月报页面清除按来源的到位资金数字后再导入"));
        assertThat(reports.get(GANZHOU, p).version()).as("nothing written").isEqualTo(before.version());
        // the file giving the sources instead is taken; then a total over them is the other way round
        imports.importFile("六月.csv", "地区,月份,中央补助·到位资金（万元）,省级补助·到位资金（万元）\n甘州区,2024-06,110,50\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false);
        assertThat(reports.get(GANZHOU, p).value(RECEIVED, "CENTRAL_SUBSIDY")).isEqualByComparingTo("110");
        YearMonth q = YearMonth.of(2024, 7);
        reports.save(GANZHOU, q, 0, List.of(new ReportValue(RECEIVED, "UNSPECIFIED", new BigDecimal("150"))));
        assertThatThrownBy(() -> imports.importFile("七月.csv", "地区,月份,中央补助·到位资金（万元）\n甘州区,2024-07,100\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 七月.csv，正文，第 2 行，第 C 列：甘州区 2024-07 已填报未分来源的到位资金（未分来源 150 万元）；"
                                + "按来源的“中央补助·到位资金（万元）”与之相加还是替代它无法确定：请在文件中加上“到位资金（万元）”列"
                                + "（留空即清除该数字），或先在月报页面清除后再导入"));
        // with the total's column, blank: the total cleared, the source taken
        imports.importFile("七月.csv", "地区,月份,中央补助·到位资金（万元）,到位资金（万元）\n甘州区,2024-07,100,\n"
                .getBytes(StandardCharsets.UTF_8), CITY, false);
        assertThat(reports.get(GANZHOU, q).values()).extracting(ReportValue::source).containsExactly("CENTRAL_SUBSIDY");
    }

    /**
     * Guesses audit H2 and M4: a header that is not an import column (another unit, a misspelling, a column of notes) and
     * a header written twice — or an item's two headers — are refused naming the cell, and nothing is written.
     */
    @Test
    void aColumnTheImportDoesNotReadOrReadsTwiceIsRefusedAndNothingWritten() {
        YearMonth p = YearMonth.of(2024, 10);
        Report before = reports.save(LINZE, p, 0, values(100, "500", "300"));
        String csv = "地区,月份,已发放户数（户）,发放金额（元）,已发放户数(户数),备注,到位资金（万元）,未分来源·到位资金（万元）,已发放户数 (户)\n"
                + "临泽县,2024-10,120,300000,120,,10,10,120\n";
        assertThatThrownBy(() -> imports.importFile("十月.csv", csv.getBytes(StandardCharsets.UTF_8), CITY, true))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "文件 十月.csv，正文，第 1 行，第 I 列：列“已发放户数 (户)”重复：同名的列只能有一列，不能确定读哪一列；请删去或改名其中一列",
                                "文件 十月.csv，正文，第 1 行，第 D 列：“发放金额（元）”不是月报导入的列（应为 发放金额（万元））："
                                        + "请改用该列名并按其单位填写，或删去该列",
                                "文件 十月.csv，正文，第 1 行，第 E 列：“已发放户数(户数)”不是月报导入的列（应为 已发放户数（户））："
                                        + "请改用该列名并按其单位填写，或删去该列",
                                "文件 十月.csv，正文，第 1 行，第 F 列：“备注”不是月报导入的列，不能确定它对应哪一项：请改为以下列名之一，或删去该列："
                                        + "地区、月份、已发放户数（户）、发放金额（万元）、其中线上发放户数（户）、新增保障家庭（户）、信息录入（户）、"
                                        + "核查腾退公租房（套）、中央补助·到位资金（万元）、中央补助·拨付（万元）、中央补助·支出（万元）、"
                                        + "省级补助·到位资金（万元）、省级补助·拨付（万元）、省级补助·支出（万元）、奖补资金·到位资金（万元）、"
                                        + "奖补资金·拨付（万元）、奖补资金·支出（万元）、专项债券·到位资金（万元）、专项债券·拨付（万元）、"
                                        + "专项债券·支出（万元）、未分来源·到位资金（万元）、未分来源·拨付（万元）、未分来源·支出（万元）、"
                                        + "到位资金（万元）、拨付（万元）、支出（万元）",
                                "文件 十月.csv，正文，第 1 行，第 G 列：列“到位资金（万元）”与“未分来源·到位资金（万元）”是同一项，"
                                        + "不能确定读哪一列：请删去其中一列"));
        Report after = reports.get(LINZE, p);
        assertThat(after.version()).as("nothing written").isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(after.value(ISSUED, "")).isEqualByComparingTo("100");
        assertThat(after.value(RECEIVED, "CENTRAL_SUBSIDY")).isEqualByComparingTo("500");
    }
}
