package org.anju.bulletin;

import org.anju.bulletin.BulletinFigures.CarriedOver;
import org.anju.bulletin.BulletinFigures.Count;
import org.anju.bulletin.BulletinFigures.Entry;
import org.anju.bulletin.BulletinFigures.EntryUnit;
import org.anju.bulletin.BulletinFigures.FundUnit;
import org.anju.bulletin.BulletinFigures.Funds;
import org.anju.bulletin.BulletinFigures.Header;
import org.anju.bulletin.BulletinFigures.Lagging;
import org.anju.bulletin.BulletinFigures.Milestone;
import org.anju.bulletin.BulletinFigures.Overdue;
import org.anju.bulletin.BulletinFigures.Problems;
import org.anju.bulletin.BulletinFigures.Program;
import org.anju.bulletin.BulletinFigures.ProgramProgress;
import org.anju.bulletin.BulletinFigures.ProgramUnit;
import org.anju.bulletin.BulletinFigures.RatedUnit;
import org.anju.bulletin.BulletinFigures.Reporting;
import org.anju.bulletin.BulletinFigures.Scope;
import org.anju.bulletin.BulletinFigures.Source;
import org.anju.bulletin.BulletinFigures.Stalled;
import org.anju.bulletin.BulletinFigures.Subsidy;
import org.anju.bulletin.BulletinFigures.SubsidyTotal;
import org.anju.bulletin.BulletinFigures.SubsidyUnit;
import org.anju.region.RegionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The bulletin's sentences from hand-built figures, with the shipped wording: no Spring, no database. Each case is
 * the exact text a figure calls for — a clause only with its figure, a unit that did not report by name and never
 * as 0, rates at one decimal half-up and — without a target.
 */
class BulletinProseTest {

    static final BulletinProse PROSE = new BulletinProse(BulletinWording.load());
    static final Scope DEC = new Scope(2023, 12, "全市");
    static final Reporting ALL = new Reporting(7, 7);
    static final Reporting SIX_OF_SEVEN = new Reporting(6, 7);

    // ------------------------------------------------------------------------------------- 各类工程

    static Stream<Arguments> programs() {
        ProgramProgress oldTotal = new ProgramProgress(n("71"), c("9223", "100.0"), c("23730", "33.4"), null);
        ProgramUnit ganzhou = new ProgramUnit("甘州区", new ProgramProgress(n("30"), c("3032", "100.0"), c("6500", "33.3"), null));
        return Stream.of(
                arguments("old communities as seed 004 states them, carried-over projects all finished",
                        new Program("OLD_COMMUNITY", "城镇老旧小区改造", DEC, n("71100"), n("71"), n("9223"), 0, ALL, oldTotal,
                                List.of(ganzhou), List.of(), List.of(new CarriedOver("高台县", n("2402"), n("2402"), true),
                                new CarriedOver("山丹县", n("3000"), n("3000"), true))),
                        "城镇老旧小区改造目标任务及进展情况",
                        "2023年全市计划投资71100万元，实施城镇老旧小区改造71个小区、9223户。截止12月底，开工71个小区、9223户，"
                                + "开工率100.0%，完成投资23730万元，完成投资率33.4%。其中：甘州区已开工30个小区、3032户，开工率100.0%，"
                                + "已完成投资6500万元。高台县、山丹县续建结转5402户城镇老旧小区改造任务已全面完工。"),
                arguments("old communities without 小区 counts, planned investment or units; 完工 as the next stage",
                        new Program("OLD_COMMUNITY", "老旧小区", DEC, null, null, n("500"), 0, ALL,
                                new ProgramProgress(null, c("500", "100.0"), null, c("120", "24.0")), List.of(), List.of(), List.of()),
                        "城镇老旧小区改造目标任务及进展情况",
                        "2023年全市实施城镇老旧小区改造500户。截止12月底，开工500户，开工率100.0%；完工120户，完工率24.0%。"),
                arguments("shantytowns with the register's projects and 基本建成",
                        new Program("SHANTYTOWN", "城市棚户区改造", DEC, n("32000"), null, n("1392"), 3, ALL,
                                new ProgramProgress(null, c("1392", "100.0"), c("31500", "98.4"), c("500", "35.9")),
                                List.of(new ProgramUnit("高台县", new ProgramProgress(null, c("62", "100.0"), null, c("0", "0.0")))),
                                List.of(), List.of()),
                        "城市棚户区改造目标任务及进展情况",
                        "2023年全市计划投资32000万元，实施城市棚户区改造3个项目1392套。截止12月底，开工1392套，开工率100.0%，"
                                + "完成投资31500万元，完成投资率98.4%；基本建成500套，基本建成率35.9%。其中：高台县已开工62套，"
                                + "开工率100.0%，基本建成0套，基本建成率0.0%。"),
                arguments("no project in the register: no 0个项目",
                        new Program("MINING_SHANTYTOWN", "国有工矿棚户区改造", DEC, null, null, n("80"), 0, ALL,
                                new ProgramProgress(null, c("0", "0.0"), null, null), List.of(), List.of(), List.of()),
                        "国有工矿棚户区改造目标任务及进展情况",
                        "2023年全市实施国有工矿棚户区改造80套。截止12月底，开工0套，开工率0.0%。"),
                arguments("housing is 建设, and the register's count is not printed for it",
                        new Program("AFFORDABLE_RENTAL", "保障性租赁住房", DEC, n("9000"), null, n("448"), 4, ALL,
                                new ProgramProgress(null, c("448", "100.0"), c("7864", "87.4"), null), List.of(), List.of(), List.of()),
                        "保障性租赁住房目标任务及进展情况",
                        "2023年全市计划投资9000万元，建设保障性租赁住房448套。截止12月底，开工448套，开工率100.0%，"
                                + "完成投资7864万元，完成投资率87.4%。"),
                arguments("zero target: the rate is —, not 0 or ∞",
                        new Program("AFFORDABLE_RENTAL", "保障性租赁住房", DEC, null, null, n("0"), 0, ALL,
                                new ProgramProgress(null, c("12", null), null, null), List.of(), List.of(), List.of()),
                        "保障性租赁住房目标任务及进展情况",
                        "2023年全市建设保障性租赁住房0套。截止12月底，开工12套，开工率—。"),
                arguments("no target at all: — where the task would be",
                        new Program("PUBLIC_RENTAL", "公共租赁住房", DEC, null, null, null, 0, ALL,
                                new ProgramProgress(null, c("30", null), null, null), List.of(), List.of(), List.of()),
                        "公共租赁住房目标任务及进展情况",
                        "2023年全市建设公共租赁住房—套。截止12月底，开工30套，开工率—。"),
                arguments("rates rounded half-up at one decimal; figures without trailing zeros or exponents",
                        new Program("AFFORDABLE_RENTAL", "保障性租赁住房", DEC, n("2.5E+3"), null, n("1000.00"), 0, ALL,
                                new ProgramProgress(null, c("999.50", "99.95"), c("1092.280", "43.69"), c("333", "33.35")),
                                List.of(), List.of(), List.of()),
                        "保障性租赁住房目标任务及进展情况",
                        "2023年全市计划投资2500万元，建设保障性租赁住房1000套。截止12月底，开工999.5套，开工率100.0%，"
                                + "完成投资1092.28万元，完成投资率43.7%；基本建成333套，基本建成率33.4%。"),
                arguments("no unit reported: said once, nothing guessed, the units not listed again",
                        new Program("SHANTYTOWN", "城市棚户区改造", new Scope(2023, 11, "全市"), null, null, n("1392"), 3,
                                new Reporting(0, 7), null, List.of(), List.of("甘州区", "临泽县"), List.of()),
                        "城市棚户区改造目标任务及进展情况",
                        "2023年全市实施城市棚户区改造3个项目1392套。截止11月底，各单位均未报送本月数据。"),
                arguments("one unit did not report: the total says it covers six of seven, the unit is named",
                        new Program("SHANTYTOWN", "城市棚户区改造", DEC, null, null, n("1338"), 0, SIX_OF_SEVEN,
                                new ProgramProgress(null, c("1338", "100.0"), null, null),
                                List.of(new ProgramUnit("高台县", new ProgramProgress(null, c("62", "100.0"), null, null))),
                                List.of("临泽县"), List.of()),
                        "城市棚户区改造目标任务及进展情况",
                        "2023年全市实施城市棚户区改造1338套。截止12月底，开工1338套，开工率100.0%（7个单位中6个已报送，"
                                + "合计和比率只含已报送单位）。其中：高台县已开工62套，开工率100.0%；临泽县未报送本月数据。"),
                arguments("several units did not report and none did: only the names",
                        new Program("SHANTYTOWN", "城市棚户区改造", DEC, null, null, n("1392"), 0, new Reporting(5, 7),
                                new ProgramProgress(null, c("1000", "71.8"), null, null), List.of(), List.of("临泽县", "民乐县"),
                                List.of()),
                        "城市棚户区改造目标任务及进展情况",
                        "2023年全市实施城市棚户区改造1392套。截止12月底，开工1000套，开工率71.8%（7个单位中5个已报送，"
                                + "合计和比率只含已报送单位）。其中：临泽县、民乐县未报送本月数据。"),
                arguments("carried-over projects partly finished: each unit with what is done",
                        new Program("SHANTYTOWN", "城市棚户区改造", DEC, null, null, n("100"), 0, ALL,
                                new ProgramProgress(null, c("100", "100.0"), null, null), List.of(), List.of(),
                                List.of(new CarriedOver("临泽县", n("54"), n("20"), false),
                                        new CarriedOver("高台县", n("62"), n("62"), true))),
                        "城市棚户区改造目标任务及进展情况",
                        "2023年全市实施城市棚户区改造100套。截止12月底，开工100套，开工率100.0%。临泽县续建结转城市棚户区改造54套，"
                                + "已基本建成20套；高台县续建结转城市棚户区改造62套，已全部基本建成。"),
                arguments("old communities carried over partly finished: 已完工",
                        new Program("OLD_COMMUNITY", "城镇老旧小区改造", DEC, null, null, n("100"), 0, ALL,
                                new ProgramProgress(null, c("100", "100.0"), null, null), List.of(), List.of(),
                                List.of(new CarriedOver("甘州区", n("300"), n("120"), false))),
                        "城镇老旧小区改造目标任务及进展情况",
                        "2023年全市实施城镇老旧小区改造100户。截止12月底，开工100户，开工率100.0%。甘州区续建结转城镇老旧小区改造300户，"
                                + "已完工120户。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void programSection(String what, Program figures, String heading, String paragraph) {
        Bulletin.Section s = PROSE.program(figures);
        assertThat(s.heading()).isEqualTo(heading);
        assertThat(s.paragraphs()).containsExactly(paragraph);
        assertThat(s.subsections()).isEmpty();
    }

    // ------------------------------------------------------------------------------------- 租赁补贴

    static Stream<Arguments> subsidies() {
        SubsidyTotal total = new SubsidyTotal(c("2532", "101.2"), n("528.38"));
        List<SubsidyUnit> units = List.of(new SubsidyUnit("甘州区", c("1078", "98.0")), new SubsidyUnit("高台县", c("294", "113.1")));
        return Stream.of(
                arguments("seed 004: every paying unit pays online",
                        new Subsidy(DEC, n("2503"), ALL, total, units, List.of(), 2, List.of(), true),
                        "2023年全市计划发放住房租赁补贴2503户。截止12月底，全市发放住房租赁补贴2532户，占发放任务的101.2%，"
                                + "发放金额528.38万元。其中：甘州区发放1078户，占发放任务的98.0%；高台县发放294户，占发放任务的113.1%。"
                                + "各县区均实现了线上发放补贴。"),
                arguments("some units not yet online",
                        new Subsidy(DEC, n("2503"), ALL, total, units, List.of(), 2, List.of("甘州区", "高台县"), true),
                        "2023年全市计划发放住房租赁补贴2503户。截止12月底，全市发放住房租赁补贴2532户，占发放任务的101.2%，"
                                + "发放金额528.38万元。其中：甘州区发放1078户，占发放任务的98.0%；高台县发放294户，占发放任务的113.1%。"
                                + "甘州区、高台县尚未全部实现线上发放补贴。"),
                arguments("one unit did not report: online only of those that did",
                        new Subsidy(DEC, n("2243"), SIX_OF_SEVEN, new SubsidyTotal(c("2272", "101.3"), null), units.subList(0, 1),
                                List.of("临泽县"), 1, List.of(), true),
                        "2023年全市计划发放住房租赁补贴2243户。截止12月底，全市发放住房租赁补贴2272户，占发放任务的101.3%"
                                + "（7个单位中6个已报送，合计和比率只含已报送单位）。其中：甘州区发放1078户，占发放任务的98.0%；"
                                + "临泽县未报送本月数据。已报送的县区均实现了线上发放补贴。"),
                arguments("no online figures: nothing said of online payment; no target: no task sentence, no rate clause"
                                + " (it said '占发放任务的—', review 26)",
                        new Subsidy(DEC, null, ALL, new SubsidyTotal(c("40", null), null),
                                List.of(new SubsidyUnit("甘州区", c("40", null))), List.of(), 1, List.of(), false),
                        "截止12月底，全市发放住房租赁补贴40户。其中：甘州区发放40户。"),
                arguments("nobody paid: nothing said of online payment",
                        new Subsidy(DEC, n("100"), ALL, new SubsidyTotal(c("0", "0.0"), null),
                                List.of(new SubsidyUnit("甘州区", c("0", "0.0"))), List.of(), 0, List.of(), true),
                        "2023年全市计划发放住房租赁补贴100户。截止12月底，全市发放住房租赁补贴0户，占发放任务的0.0%。"
                                + "其中：甘州区发放0户，占发放任务的0.0%。"),
                arguments("no unit reported",
                        new Subsidy(new Scope(2023, 11, "全市"), n("2503"), new Reporting(0, 7), null, List.of(),
                                List.of("甘州区", "临泽县"), 0, List.of(), false),
                        "2023年全市计划发放住房租赁补贴2503户。截止11月底，全市各单位均未报送本月数据。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subsidies")
    void subsidySection(String what, Subsidy figures, String paragraph) {
        Bulletin.Section s = PROSE.subsidy(figures);
        assertThat(s.heading()).isEqualTo("住房租赁补贴目标任务及进展情况");
        assertThat(s.paragraphs()).containsExactly(paragraph);
    }

    // ----------------------------------------------------------------------------------------- 资金

    static Stream<Arguments> funds() {
        return Stream.of(
                arguments("by source, disbursed and spent; a unit without 拨付; one that did not report",
                        new Funds(DEC, ALL, n("25480"), List.of(new Source("中央补助", n("20000")), new Source("省级补助", n("5480"))),
                                c("15149.5", "59.5"), c("15149.5", "59.5"),
                                List.of(new FundUnit("甘州区", n("2021"), c("1092.28", "54.0")), new FundUnit("肃南裕固族自治县", n("18"), null)),
                                List.of("临泽县")),
                        "截止12月底，全市已争取到位保障性安居工程资金共计25480万元（其中中央补助20000万元、省级补助5480万元），"
                                + "拨付15149.5万元，拨付率59.5%，支出15149.5万元，支出率59.5%。其中：甘州区到位资金2021万元，"
                                + "拨付1092.28万元，资金拨付率54.0%；肃南裕固族自治县到位资金18万元；临泽县未报送本月数据。"),
                arguments("only the total received, over some units",
                        new Funds(DEC, SIX_OF_SEVEN, n("100"), List.of(), null, null, List.of(), List.of()),
                        "截止12月底，全市已争取到位保障性安居工程资金共计100万元（7个单位中6个已报送，合计和比率只含已报送单位）。"),
                arguments("nothing received yet: 拨付率 —",
                        new Funds(DEC, ALL, n("0"), List.of(), c("0", null), null, List.of(), List.of()),
                        "截止12月底，全市已争取到位保障性安居工程资金共计0万元，拨付0万元，拨付率—。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("funds")
    void fundSection(String what, Funds figures, String paragraph) {
        Bulletin.Section s = PROSE.funds(figures);
        assertThat(s.heading()).isEqualTo("保障性安居工程资金争取使用情况");
        assertThat(s.paragraphs()).containsExactly(paragraph);
    }

    // ------------------------------------------------------------------------------------- 信息录入

    static Stream<Arguments> entries() {
        return Stream.of(
                arguments("all entered, with 腾退; partly entered, with its rate",
                        List.of(new EntryUnit("甘州区", n("120"), n("120"), n("100.0"), n("15")),
                                new EntryUnit("临泽县", n("40"), n("30"), n("75.0"), null)),
                        "截止12月底，甘州区新增保障家庭120户，信息全部录入，经核查腾退公租房15套；临泽县新增保障家庭40户，"
                                + "信息录入30户（录入率75.0%）。"),
                arguments("more entered than added counts as all entered",
                        List.of(new EntryUnit("高台县", n("10"), n("12"), n("120.0"), null)),
                        "截止12月底，高台县新增保障家庭10户，信息全部录入。"),
                arguments("none added, only 腾退: 0 added, all entered",
                        List.of(new EntryUnit("山丹县", n("0"), n("0"), null, n("3"))),
                        "截止12月底，山丹县新增保障家庭0户，信息全部录入，经核查腾退公租房3套。"),
                arguments("added without any entered: rate — when there is none",
                        List.of(new EntryUnit("民乐县", n("8"), n("0"), null, null)),
                        "截止12月底，民乐县新增保障家庭8户，信息录入0户（录入率—）。"),
                arguments("a unit keeping its stock here: 分配率 and 入住率 from the records; another without: nothing said",
                        List.of(new EntryUnit("章贡区", n("2"), n("2"), n("100.0"), n("1"), n("91.7"), n("83.3")),
                                new EntryUnit("南康区", n("5"), n("5"), n("100.0"), null)),
                        "截止12月底，章贡区新增保障家庭2户，信息全部录入，经核查腾退公租房1套，公租房分配率91.7%、入住率83.3%；"
                                + "南康区新增保障家庭5户，信息全部录入。"),
                arguments("blank items are 未填, never 0; sums of units some of which left one blank: no 全部录入, no rate",
                        List.of(new EntryUnit("临泽县", null, n("30"), null, n("2")),
                                new EntryUnit("高台县", n("12"), null, null, null),
                                new EntryUnit("张掖市", n("40"), n("40"), null, null, null, null, true)),
                        "截止12月底，临泽县新增保障家庭户数未填，信息录入30户，经核查腾退公租房2套；高台县新增保障家庭12户，"
                                + "信息录入户数未填；张掖市新增保障家庭40户，信息录入40户（有单位未填写新增或录入户数，不计算录入率）。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void entrySection(String what, List<EntryUnit> units, String paragraph) {
        Bulletin.Section s = PROSE.entry(new Entry(DEC, units));
        assertThat(s.heading()).isEqualTo("公租房信息系统录入完成情况");
        assertThat(s.paragraphs()).containsExactly(paragraph);
    }

    // ------------------------------------------------------------------------------------- 存在的问题

    static final Lagging GANZHOU_LAGS = new Lagging("甘州区", "住房租赁补贴", "发放完成率", n("98.0"), n("100.0"), null);
    static final Lagging LINZE_LAGS = new Lagging("临泽县", "城镇老旧小区改造", "完成投资率", n("33.35"), n("100.0"), null);

    static Stream<Arguments> problems() {
        return Stream.of(
                arguments("none found", none().p(), List.of()),
                arguments("拨付率 below the region's, in rank order (seed 004)",
                        none().with(n("59.5"), List.of(new RatedUnit("肃南裕固族自治县", n("55.0")), new RatedUnit("甘州区", n("54.0")),
                                new RatedUnit("高台县", n("52.4")))),
                        List.of("一是项目资金拨付率较低。全市保障性安居工程资金拨付率59.5%，肃南裕固族自治县（55.0%）、甘州区（54.0%）、"
                                + "高台县（52.4%）资金拨付率低于全市平均水平。")),
                arguments("one unit behind the 序时进度",
                        none().lagging(List.of(GANZHOU_LAGS)),
                        List.of("一是部分任务进度滞后于序时进度。甘州区住房租赁补贴发放完成率98.0%，低于序时进度100%。")),
                arguments("behind a plan's stricter 进度要求: the plan named",
                        none().lagging(List.of(new Lagging("信州区", "住房租赁补贴", "发放完成率", n("40.0"), n("50.0"),
                                "上饶市2023年计划：2023-06-30前达到 60%"))),
                        List.of("一是部分任务进度滞后于序时进度。信州区住房租赁补贴发放完成率40.0%，低于序时进度50%（上饶市2023年计划：2023-06-30前达到 60%）。")),
                arguments("March: the 序时进度 is 3/12",
                        none().lagging(List.of(new Lagging("甘州区", "住房租赁补贴", "发放完成率", n("20.0"), n("25.0"), null))),
                        List.of("一是部分任务进度滞后于序时进度。甘州区住房租赁补贴发放完成率20.0%，低于序时进度25%。")),
                arguments("several units behind the 序时进度, rates rounded",
                        none().lagging(List.of(GANZHOU_LAGS, LINZE_LAGS)),
                        List.of("一是部分任务进度滞后于序时进度。甘州区住房租赁补贴发放完成率98.0%，低于序时进度100%；"
                                + "临泽县城镇老旧小区改造完成投资率33.4%，低于序时进度100%。")),
                arguments("one project overdue: no 均",
                        none().overdue(List.of(new Overdue("", "市二院人才房（市发投集团）", "108套", LocalDate.of(2022, 10, 1)))),
                        List.of("一是项目逾期未交付使用。市二院人才房（市发投集团）108套，合同约定2022年10月1日前交付使用，截止12月底未交付使用。")),
                arguments("two projects overdue: 均",
                        none().overdue(List.of(new Overdue("市本级", "公租房（市发投集团）", "592套", LocalDate.of(2019, 6, 30)),
                                new Overdue("", "市二院人才房（市发投集团）", "108套", LocalDate.of(2022, 10, 1)))),
                        List.of("一是项目逾期未交付使用。市本级公租房（市发投集团）592套，合同约定2019年6月30日前交付使用；"
                                + "市二院人才房（市发投集团）108套，合同约定2022年10月1日前交付使用，截止12月底均未交付使用。")),
                arguments("stalled projects: the unit not repeated when the name has it, （续建） unless the name says so",
                        none().stalled(List.of(
                                new Stalled("山丹县", "山丹县2023年李桥乡80套保障性租赁住房项目", false,
                                        List.of("已开工但前期手续尚未办结", "近3个月累计完成投资无增长（629 万元）")),
                                new Stalled("临泽县", "2022年新华镇54套棚户区改造项目", true, List.of("未开工")),
                                new Stalled("高台县", "长征路续建62套棚户区改造项目", true, List.of("未开工")))),
                        List.of("一是个别项目进展缓慢。山丹县2023年李桥乡80套保障性租赁住房项目已开工但前期手续尚未办结、"
                                + "近3个月累计完成投资无增长（629 万元）；临泽县2022年新华镇54套棚户区改造项目（续建）未开工；"
                                + "高台县长征路续建62套棚户区改造项目未开工。")),
                arguments("a plan's 进度要求 missed, without a rate",
                        none().milestones(List.of(new Milestone("民乐县", "保障性租赁住房开工", LocalDate.of(2023, 6, 30), n("50.00"),
                                null, "张掖市2023年保障性安居工程目标任务"))),
                        List.of("一是未达到计划进度要求。民乐县保障性租赁住房开工：按进度要求应于2023-06-30前达到50%，目前为—"
                                + "（张掖市2023年保障性安居工程目标任务）。")),
                arguments("every kind at once, numbered in a fixed order",
                        new Problems(DEC, n("59.5"), List.of(new RatedUnit("甘州区", n("54.0"))),
                                List.of(new Stalled("临泽县", "临泽县某项目", false, List.of("未开工"))),
                                List.of(new Overdue("", "某楼", "8套", LocalDate.of(2023, 1, 31))), List.of(GANZHOU_LAGS),
                                List.of(new Milestone("民乐县", "开工", LocalDate.of(2023, 6, 30), n("50"), n("40.0"), "计划")),
                                List.of("临泽县", "民乐县")),
                        List.of("一是项目资金拨付率较低。全市保障性安居工程资金拨付率59.5%，甘州区（54.0%）资金拨付率低于全市平均水平。",
                                "二是个别项目进展缓慢。临泽县某项目未开工。",
                                "三是项目逾期未交付使用。某楼8套，合同约定2023年1月31日前交付使用，截止12月底未交付使用。",
                                "四是部分任务进度滞后于序时进度。甘州区住房租赁补贴发放完成率98.0%，低于序时进度100%。",
                                "五是未达到计划进度要求。民乐县开工：按进度要求应于2023-06-30前达到50%，目前为40.0%（计划）。",
                                "六是数据报送不完整。临泽县、民乐县未报送12月数据。")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void problemList(String what, Problems figures, List<String> expected) {
        assertThat(PROSE.problems(figures)).containsExactlyElementsOf(expected);
    }

    @Test
    void aProjectsRegionIsNotSaidTwice() {
        assertThat(BulletinProse.regionBefore("张掖市本级", "市本级公租房（市发投集团）")).isEqualTo("张掖");
        assertThat(BulletinProse.regionBefore("张掖市本级", "本级公租房")).isEqualTo("张掖市");
        assertThat(BulletinProse.regionBefore("张掖市本级", "市二院人才房（市发投集团）")).isEqualTo("张掖市本级");
        assertThat(BulletinProse.regionBefore("甘州区", "甘州区2023年棚改项目")).isEmpty();
        assertThat(BulletinProse.regionBefore("高台县", "县城棚户区改造项目")).isEqualTo("高台县");
    }

    @Test
    void theBodyNumbersTheSectionsAndSaysSoWhenNoProblemIsFound() {
        List<Bulletin.Section> body = PROSE.body(List.of(new Bulletin.Section("甲", List.of("p1"), List.of()),
                new Bulletin.Section("乙", List.of("p2"), List.of())), List.of());
        assertThat(body).extracting(Bulletin.Section::heading).containsExactly("一、目标任务及进展情况", "二、存在的问题");
        assertThat(body.getFirst().subsections()).extracting(Bulletin.Section::heading).containsExactly("（一）甲", "（二）乙");
        assertThat(body.getFirst().subsections()).extracting(Bulletin.Section::paragraphs).containsExactly(List.of("p1"), List.of("p2"));
        assertThat(body.get(1).paragraphs()).containsExactly("未发现明显问题。");
        assertThat(PROSE.body(List.of(), List.of("一是某问题。")).get(1).paragraphs()).containsExactly("一是某问题。");
        // nothing to tell under 一、: said, not a heading with nothing under it (the session's new-user trial)
        assertThat(PROSE.body(List.of(), List.of()).getFirst().paragraphs()).containsExactly("暂无目标任务和进展情况数据。");
        assertThat(body.getFirst().paragraphs()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ 文头

    static Stream<Arguments> headers() {
        return Stream.of(
                arguments(new Header(DEC, RegionKind.PREFECTURE, false, "县区"), "关于2023年1—12月全市保障性安居工程进展情况的通报",
                        "现将1—12月份全市保障性安居工程进展情况通报如下：", "各县区人民政府："),
                arguments(new Header(new Scope(2024, 1, "全市"), RegionKind.PREFECTURE, true, "县区"), "关于2024年1月全市保障性安居工程进展情况的通报",
                        "现将1月份全市保障性安居工程进展情况通报如下：", "各县区人民政府、市本级："),
                arguments(new Header(new Scope(2023, 6, "全国"), RegionKind.NATION, true), "关于2023年1—6月全国保障性安居工程进展情况的通报",
                        "现将1—6月份全国保障性安居工程进展情况通报如下：", "各省、自治区、直辖市住房城乡建设厅（委）："),
                arguments(new Header(new Scope(2023, 2, "全省"), RegionKind.PROVINCE, false), "关于2023年1—2月全省保障性安居工程进展情况的通报",
                        "现将1—2月份全省保障性安居工程进展情况通报如下：", "各设区市人民政府："),
                arguments(new Header(new Scope(2023, 2, "全省"), RegionKind.PROVINCE, false, "州"), "关于2023年1—2月全省保障性安居工程进展情况的通报",
                        "现将1—2月份全省保障性安居工程进展情况通报如下：", "各市（州）人民政府："),
                arguments(new Header(new Scope(2023, 2, "全区"), RegionKind.PROVINCE, false, "盟"), "关于2023年1—2月全区保障性安居工程进展情况的通报",
                        "现将1—2月份全区保障性安居工程进展情况通报如下：", "各盟行政公署、市人民政府："),
                arguments(new Header(new Scope(2023, 2, "全市"), RegionKind.PREFECTURE, true, "县市区"), "关于2023年1—2月全市保障性安居工程进展情况的通报",
                        "现将1—2月份全市保障性安居工程进展情况通报如下：", "各县（市、区）人民政府、市本级："),
                arguments(new Header(new Scope(2023, 12, "全县"), RegionKind.COUNTY, true), "关于2023年1—12月全县保障性安居工程进展情况的通报",
                        "现将1—12月份全县保障性安居工程进展情况通报如下：", "各有关单位："));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("headers")
    void titleBlock(Header header, String title, String opening, String addressee) {
        assertThat(PROSE.title(header)).isEqualTo(title);
        assertThat(PROSE.opening(header)).isEqualTo(opening);
        assertThat(PROSE.addressee(header)).isEqualTo(addressee);
    }

    @Test
    void theRegionIsCalledByItsLevelOrItsName() {
        assertThat(PROSE.scopeLabel(RegionKind.NATION, "全国")).isEqualTo("全国");
        assertThat(PROSE.scopeLabel(RegionKind.PROVINCE, "甘肃省")).isEqualTo("全省");
        assertThat(PROSE.scopeLabel(RegionKind.PREFECTURE, "张掖市")).isEqualTo("全市");
        assertThat(PROSE.scopeLabel(RegionKind.COUNTY, "甘州区")).isEqualTo("全区");
        assertThat(PROSE.scopeLabel(RegionKind.COUNTY, "临泽县")).isEqualTo("全县");
        assertThat(PROSE.scopeLabel(RegionKind.COUNTY, "玉门市")).as("a county-level city").isEqualTo("全市");
        assertThat(PROSE.scopeLabel(RegionKind.COUNTY, "阿鲁科尔沁旗")).isEqualTo("全旗");
        assertThat(PROSE.scopeLabel(RegionKind.PREFECTURE, "临夏回族自治州")).isEqualTo("全州");
        assertThat(PROSE.scopeLabel(RegionKind.PREFECTURE, "锡林郭勒盟")).isEqualTo("全盟");
        assertThat(PROSE.scopeLabel(RegionKind.PROVINCE, "内蒙古自治区")).isEqualTo("全区");
        assertThat(PROSE.scopeLabel(RegionKind.PROVINCE, "北京市")).isEqualTo("全市");
        assertThat(PROSE.scopeLabel(RegionKind.DEV_ZONE, "赣州经开区")).isEqualTo("赣州经开区");
        assertThat(PROSE.scopeLabel(RegionKind.GROUP, "中心城区")).isEqualTo("中心城区");
    }

    // ---------------------------------------------------------------------------------------- 用语文件

    @Test
    void blanksAreFilledOnceFromNamedValuesAndAProgramMayHaveItsOwnWording() {
        BulletinWording w = BulletinWording.of(Map.of("a", "截止{月份}月底，{地区}", "program.task", "建设{名称}",
                "program.SHANTYTOWN.task", "实施{名称}"));
        assertThat(w.fill("a", "地区", "{月份}县", "月份", 12)).isEqualTo("截止12月底，{月份}县");
        assertThat(w.forProgram("SHANTYTOWN", "task", "名称", "棚改")).isEqualTo("实施棚改");
        assertThat(w.forProgram("AFFORDABLE_RENTAL", "task", "名称", "保租房")).isEqualTo("建设保租房");
    }

    @Test
    void aMissingKeyOrBlankIsABugNeverPrinted() {
        BulletinWording w = BulletinWording.of(Map.of("a", "截止{月份}月底"));
        assertThatThrownBy(() -> w.fill("b")).isInstanceOf(IllegalStateException.class).hasMessageContaining("b");
        assertThatThrownBy(() -> w.fill("a", "年份", 2023)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{月份}").hasMessageContaining("年份");
        assertThatThrownBy(() -> w.fill("a", "月份", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("没有值");
        assertThatThrownBy(() -> BulletinWording.of(Map.of("a", "截止{月份月底"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("花括号");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    static Count c(String amount, String rate) {
        return new Count(n(amount), rate == null ? null : n(rate));
    }

    static ProblemsBuilder none() {
        return new ProblemsBuilder(new Problems(DEC, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    /** One kind of problem at a time. */
    record ProblemsBuilder(Problems p) {

        Problems with(BigDecimal average, List<RatedUnit> below) {
            return new Problems(p.scope(), average, below, p.stalled(), p.overdue(), p.lagging(), p.milestones(), p.missing());
        }

        Problems stalled(List<Stalled> stalled) {
            return new Problems(p.scope(), null, List.of(), stalled, p.overdue(), p.lagging(), p.milestones(), p.missing());
        }

        Problems overdue(List<Overdue> overdue) {
            return new Problems(p.scope(), null, List.of(), p.stalled(), overdue, p.lagging(), p.milestones(), p.missing());
        }

        Problems lagging(List<Lagging> lagging) {
            return new Problems(p.scope(), null, List.of(), p.stalled(), p.overdue(), lagging, p.milestones(), p.missing());
        }

        Problems milestones(List<Milestone> milestones) {
            return new Problems(p.scope(), null, List.of(), p.stalled(), p.overdue(), p.lagging(), milestones, p.missing());
        }
    }
}
