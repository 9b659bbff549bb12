package org.anju.ledger.item;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ledger workbooks on the real research tables: refusals by row and column, exact rows, export → import unchanged. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=ledger_import")
class LedgerImportTest {

    static final String ZHANGYE = "620700";
    static final Path DIR = Path.of("src/test/resources/ledger");

    @Autowired
    LedgerImport imports;
    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    Actor admin() {
        return new Actor("t_zy_admin", "测试用户", regions.byCode(ZHANGYE).orElseThrow(), EnumSet.of(Role.CITY_ADMIN), Channel.UI, false);
    }

    <T> T as(Supplier<T> work) {
        return Access.runAs(admin(), work);
    }

    /** 临泽县's administrator: a county hands over its own items. */
    <T> T inLinze(Supplier<T> work) {
        return Access.runAs(new Actor("t_lz_admin", "测试用户", regions.byCode("620723").orElseThrow(), EnumSet.of(Role.COUNTY_ADMIN),
                Channel.UI, false), work);
    }

    static byte[] file(String name) throws Exception {
        return Files.readAllBytes(DIR.resolve(name));
    }

    static List<String> problems(Throwable e) {
        return ((InputException) e).problems().stream().map(InputProblem::describe).toList();
    }

    @BeforeEach
    void unit() {
        as(() -> ledger.units(ZHANGYE).stream().anyMatch(u -> u.name().equals("市发投集团公司")) ? null
                : ledger.addUnit(ZHANGYE, "市发投集团公司", UnitKind.STATE_ENTERPRISE));
    }

    @Test
    void theXiangshanTableIsRefusedByItsColumnNamesNotGuessed() throws Exception {
        byte[] content = file("相山区清零行动进度表.tsv");
        String f = "文件 相山区清零行动进度表.tsv，正文，第 14 行";
        String known = "不能确定它对应哪一项：%s";
        assertThatThrownBy(() -> as(() -> imports.importFile(ZHANGYE, "OVERDUE_RESETTLEMENT", "相山区清零行动进度表.tsv", content, false)))
                .isInstanceOf(InputException.class).satisfies(e -> assertThat(problems(e)).containsExactly(
                        f + "，第 C 列：“项目类型”不是棚改逾期未安置台账的列，" + known.formatted(COLUMNS),
                        f + "，第 D 列：“项目名称”不是棚改逾期未安置台账的列，" + known.formatted(COLUMNS),
                        f + "，第 E 列：“考核截止日期的最新进展情况”不是棚改逾期未安置台账的列，" + known.formatted(COLUMNS),
                        f + "：缺少必填的列“事项名称”", f + "：缺少必填的列“整改期限”", f + "：缺少必填的列“类别”",
                        f + "：缺少必填的列“项目情况”", f + "：缺少必填的列“户数”", f + "：缺少必填的列“存在的问题”"));
        assertThat(as(() -> ledger.items(ZHANGYE, "OVERDUE_RESETTLEMENT", null))).isEmpty();
    }

    static final String COLUMNS = "请改为以下列名之一，或删去该列：序号、事项名称、责任单位、责任人、整改期限、整改措施、类别、项目情况、户数、存在的问题、约定安置日期、过渡费标准（元/户·月）、状态";

    @Test
    void theLateDeliveryExamplesAndTheSeedsAuditSplitAreRefusedByName() throws Exception {
        byte[] late = file("安置房逾期交付实例.tsv");
        assertThatThrownBy(() -> as(() -> imports.importFile(ZHANGYE, "LATE_DELIVERY", "安置房逾期交付实例.tsv", late, false)))
                .isInstanceOf(InputException.class).satisfies(e -> assertThat(problems(e)).contains(
                        "文件 安置房逾期交付实例.tsv，正文，第 8 行：缺少必填的列“合同约定交付日期”",
                        "文件 安置房逾期交付实例.tsv，正文，第 8 行：缺少必填的列“事项名称”"));
        byte[] audit = file("张掖审计问题-seed004.tsv");
        assertThatThrownBy(() -> as(() -> imports.importFile(ZHANGYE, "AUDIT", "张掖审计问题-seed004.tsv", audit, false)))
                .satisfies(e -> assertThat(problems(e)).hasSize(12).contains(
                        "文件 张掖审计问题-seed004.tsv，正文，第 9 行，第 H 列：“整改落实期限”不是审计发现问题台账的列，不能确定它对应哪一项："
                                + "请改为以下列名之一，或删去该列：序号、事项名称、责任单位、责任人、整改期限、整改措施、审计机关、审计报告文号、"
                                + "审计报告日期、问题类别、涉及金额（万元）、整改类型、上缴财政（万元）、归还原资金渠道（万元）、促进资金拨付（万元）、"
                                + "调整账项（万元）、移送处理事项（项）、完善制度（项）、状态",
                        "文件 张掖审计问题-seed004.tsv，正文，第 9 行：缺少必填的列“整改期限”",
                        "文件 张掖审计问题-seed004.tsv，正文，第 9 行：缺少必填的列“事项名称”"));
    }

    @Test
    void contractDatesAsTheSeedPrintsThemAreRefusedByRowAndColumn() throws Exception {
        byte[] content = file("张掖逾期交付-合同日期原文.tsv");
        assertThatThrownBy(() -> as(() -> imports.importFile(ZHANGYE, "LATE_DELIVERY", "张掖逾期交付-合同日期原文.tsv", content, true)))
                .satisfies(e -> assertThat(problems(e)).containsExactly(
                        "文件 张掖逾期交付-合同日期原文.tsv，正文，第 5 行，第 J 列：“合同约定交付日期”应为日期（如 2025-03-02 或 2025年3月2日），实际为“2022-10-01前”",
                        "文件 张掖逾期交付-合同日期原文.tsv，正文，第 6 行，第 J 列：“合同约定交付日期”应为日期（如 2025-03-02 或 2025年3月2日），实际为“2019年6月底前”"));
        assertThat(as(() -> ledger.items(ZHANGYE, "LATE_DELIVERY", null))).isEmpty();
    }

    @Test
    void theSeedsAuditItemsImportExactlyAndReimportUnchangedAfterExport() throws Exception {
        byte[] content = file("张掖审计问题-本平台格式.tsv");
        LedgerImport.Result preview = as(() -> imports.importFile(ZHANGYE, "AUDIT", "张掖审计问题-本平台格式.tsv", content, false));
        assertThat(preview.rows()).hasSize(2);
        assertThat(as(() -> ledger.items(ZHANGYE, "AUDIT", null))).isEmpty();   // a preview writes nothing
        Long unit = preview.rows().getFirst().item().unitId();
        String measures = "专题研究部署、制定专项工作方案、开展\"回头看\"、市政府推进会议、多次下发《督办通知》";
        assertThat(preview.rows()).extracting(LedgerImport.Row::item).containsExactly(
                new NewItem("AUDIT", ZHANGYE, "市二院人才房108套未按期交付使用", Map.of("source", "甘肃省审计厅", "category", "未按期交付使用"),
                        unit, null, measures, LocalDate.of(2024, 5, 31), null, null, null, null, null),
                new NewItem("AUDIT", ZHANGYE, "市本级公租房592套未按期交付使用", Map.of("source", "甘肃省审计厅", "category", "未按期交付使用",
                        "amount", "15851"), unit, null, measures, LocalDate.of(2024, 5, 31), null, null, null, null, null));

        double counted = imports("ledger", "ok");
        LedgerImport.Result done = as(() -> imports.importFile(ZHANGYE, "AUDIT", "张掖审计问题-本平台格式.tsv", content, true));
        assertThat(done.ids()).hasSize(2);
        // in anju_imports_seconds with the other imports (metrics review, sixteenth session: not counted at all)
        assertThat(imports("ledger", "ok")).isEqualTo(counted + 1);
        assertThat(imports("ledger-preview", "ok")).isPositive();
        List<Item> items = as(() -> ledger.items(ZHANGYE, "AUDIT", null));
        assertThat(items).extracting(Item::title, Item::state, Item::alert).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("市二院人才房108套未按期交付使用", LedgerState.PENDING, Alert.OVERDUE),
                org.assertj.core.groups.Tuple.tuple("市本级公租房592套未按期交付使用", LedgerState.PENDING, Alert.OVERDUE));

        byte[] exported = as(() -> imports.export(ZHANGYE, "AUDIT"));
        LedgerImport.Result again = as(() -> imports.importFile(ZHANGYE, "AUDIT", "导出.xlsx", exported, false));
        assertThat(again.rows()).extracting(LedgerImport.Row::item).containsExactlyElementsOf(
                preview.rows().stream().map(LedgerImport.Row::item).toList());
    }

    /** The command line: preview, refusal by row and column (exit 2), commit, overdue list, export. */
    @Test
    void theCommandLine() throws Exception {
        String ganzhou = "620702";
        as(() -> ledger.addUnit(ganzhou, "市发投集团公司", UnitKind.STATE_ENTERPRISE));
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        java.util.function.Function<String[], Integer> cli = args -> org.anju.cli.Cli.execute(context, args,
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        String bad = DIR.resolve("张掖逾期交付-合同日期原文.tsv").toString();
        assertThat(cli.apply(new String[]{"ledger", "import", bad, "--region", ganzhou, "--kind", "LATE_DELIVERY", "--commit"})).isEqualTo(2);
        assertThat(err.toString()).contains("第 5 行，第 J 列：“合同约定交付日期”应为日期");
        String good = DIR.resolve("张掖审计问题-本平台格式.tsv").toString();
        assertThat(cli.apply(new String[]{"ledger", "import", good, "--region", ganzhou, "--kind", "审计发现问题"})).isZero();
        assertThat(out.toString()).contains("预览（未写入，加 --commit 写入）：甘州区的审计发现问题台账 2 项");
        assertThat(cli.apply(new String[]{"ledger", "import", good, "--region", ganzhou, "--kind", "AUDIT", "--commit"})).isZero();
        assertThat(out.toString()).contains("已导入：甘州区的审计发现问题台账 2 项");
        out.getBuffer().setLength(0);
        assertThat(cli.apply(new String[]{"ledger", "overdue", "--region", ganzhou, "--on", "2024-06-03"})).isZero();
        assertThat(out.toString().lines().toList()).containsExactly("逾期天数\t种类\t地区\t责任单位\t事项\t整改期限\t状态",
                "3\t审计发现问题\t甘州区\t市发投集团公司\t市二院人才房108套未按期交付使用\t2024-05-31\t待整改",
                "3\t审计发现问题\t甘州区\t市发投集团公司\t市本级公租房592套未按期交付使用\t2024-05-31\t待整改");
        Path xlsx = Files.createTempFile("台账", ".xlsx");
        // the file exists (made empty above): replaced only with --force, as backup's (operator trial F5)
        assertThat(cli.apply(new String[]{"ledger", "export", "--region", ganzhou, "--kind", "AUDIT", "-o", xlsx.toString()})).isEqualTo(2);
        assertThat(err.toString()).contains("文件已存在：" + xlsx, "--force");
        assertThat(Files.size(xlsx)).isZero();
        assertThat(cli.apply(new String[]{"ledger", "export", "--region", ganzhou, "--kind", "AUDIT", "-o", xlsx.toString(),
                "--force"})).isZero();
        assertThat(Files.size(xlsx)).isPositive();
    }

    /** 信访: the deadline the kind computed (60日 from 受理) comes back as a date; the petitioner is in neither direction. */
    @Test
    void petitionsAndDangerousBuildingsRoundTrip() throws Exception {
        String linze = "620723";
        Unit unit = inLinze(() -> ledger.addUnit(linze, "临泽县信访局", UnitKind.GOVERNMENT));
        long petition = inLinze(() -> ledger.create(new NewItem("PETITION", linze, "反映安置房漏水", Map.of("channel", "来访",
                "received_on", "2026-10-08", "accepted_on", "2026-10-09", "content", "安置房顶层漏水", "purpose", "求决"),
                unit.id(), "局长", null, null, null, null, null, "李四", "0936-5521234")));
        long building = inLinze(() -> ledger.create(new NewItem("DANGEROUS_BUILDING", linze, "某住宅楼D级危房", Map.of("building", "3栋",
                "address", "临泽县某路", "grade", "D级", "buildings", "1", "no_other_housing", "2", "measure", "撤离"),
                unit.id(), null, null, LocalDate.of(2027, 6, 30), null, null, null, null, null)));
        Item p = inLinze(() -> ledger.item(petition));
        assertThat(p.deadline()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(p.petitionerPhone()).doesNotContain("5521234");
        assertThat(inLinze(() -> ledger.item(building)).flags()).containsExactly("应纳入公租房/保租房保障");

        byte[] exported = inLinze(() -> imports.export(linze, "PETITION"));
        LedgerImport.Result again = inLinze(() -> imports.importFile(linze, "PETITION", "信访台账.xlsx", exported, false));
        assertThat(again.rows()).singleElement().satisfies(r -> {
            assertThat(r.item().title()).isEqualTo("反映安置房漏水");
            assertThat(r.item().fields()).isEqualTo(p.fields());
            assertThat(r.item().deadline()).isEqualTo(p.deadline());
            assertThat(r.item().unitId()).isEqualTo(unit.id());
            assertThat(r.item().responsible()).isEqualTo("局长");
            assertThat(r.item().petitionerName()).isNull();
        });
        byte[] buildings = inLinze(() -> imports.export(linze, "城市危房C/D级"));
        assertThat(inLinze(() -> imports.importFile(linze, "DANGEROUS_BUILDING", "危房.xlsx", buildings, false)).rows())
                .singleElement().satisfies(r -> assertThat(r.item().fields()).isEqualTo(inLinze(() -> ledger.item(building)).fields()));
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private double imports(String kind, String outcome) {
        var timer = registry.find("anju.imports").tag("kind", kind).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
