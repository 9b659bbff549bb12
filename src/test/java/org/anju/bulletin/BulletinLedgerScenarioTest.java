package org.anju.bulletin;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.NewItem;
import org.anju.ledger.item.Unit;
import org.anju.ledger.item.UnitKind;
import org.anju.platform.ChinaTime;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger items created through the ledger's service (an audit finding with a progress note, two petitions — one closed
 * by the city in time, one open and past its 60 日 — and an overdue-resettlement item, which section (七) does not
 * cover), then 赣州市's bulletin of this month: section (七) and problem 三 word for word, and the month before (when none
 * of these items had been handed over) without the section.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=bulletin_ledger")
class BulletinLedgerScenarioTest {

    static final String ZHANGGONG = "360702", GANZHOU = "360700";

    @Autowired
    Ledger ledger;
    @Autowired
    Bulletins bulletins;
    @Autowired
    Regions regions;
    @Autowired
    MonthlyReports monthlyReports;
    @Autowired
    org.anju.ledger.expropriation.Expropriations expropriations;

    Actor user(String username, String region, Role role) {
        return new Actor(username, "测试用户", regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日前";
    }

    @Test
    void sectionSevenAndProblemThreeFromTheLedgersAtTheMonthsEnd() {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        YearMonth month = YearMonth.from(today);
        Actor county = user("t_zg_admin_b", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor city = user("t_gz_admin_b", GANZHOU, Role.CITY_ADMIN);
        Unit builder = as(county, () -> ledger.addUnit(ZHANGGONG, "城投集团", UnitKind.STATE_ENTERPRISE));
        Unit street = as(county, () -> ledger.addUnit(ZHANGGONG, "章贡区解放街道办事处", UnitKind.GOVERNMENT));

        LocalDate auditDue = today.minusDays(20);
        long audit = as(county, () -> ledger.create(new NewItem("AUDIT", ZHANGGONG, "城投集团承建的公租房200套逾期未交付使用",
                Map.of("source", "江西省审计厅", "category", "项目建设"), builder.id(), "总经理",
                "通过下发《督办通知》、召开推进会等方式督促项目实施进度。", auditDue, null, null, null, null, null)));
        as(county, () -> ledger.progress(audit, 0, "已完成消防设备安装，正在进行消防联动验收。", today, List.of()));

        // 受理 70 days ago: its 60 日 ran out 10 days ago, still open
        long open = as(county, () -> ledger.create(new NewItem("PETITION", ZHANGGONG, "安置房被私自出售，购房人无法办理不动产登记",
                Map.of("channel", "督办转办", "received_on", today.minusDays(72).toString(), "accepted_on", today.minusDays(70).toString(),
                        "content", "购房人无法办理不动产登记"), street.id(), null, null, null, null, null, null, null, null)));
        // 受理 20 days ago, closed today by the city: in time
        long done = as(county, () -> ledger.create(new NewItem("PETITION", ZHANGGONG, "棚户区中途停工周边卫生极差",
                Map.of("channel", "12345热线", "received_on", today.minusDays(21).toString(), "accepted_on", today.minusDays(20).toString(),
                        "content", "周边卫生极差"), street.id(), null, null, null, null, null, null, null, null)));
        as(county, () -> ledger.progress(done, 0, "已清理", today, List.of()));
        as(county, () -> ledger.apply(done, ledger.item(done).version(), "已办结"));
        as(city, () -> ledger.approve(done, ledger.item(done).version()));
        as(county, () -> ledger.create(new NewItem("OVERDUE_RESETTLEMENT", ZHANGGONG, "某棚改项目逾期未回迁",
                Map.of("category", "在建项目", "project_info", "2019年开工", "households", "120", "problem", "配套未完成",
                        "promised_on", "2024-06-30"), street.id(), null, null, today.minusDays(1), null, null, null, null, null)));

        Bulletin b = as(city, () -> bulletins.compose(GANZHOU, month, BulletinOptions.defaults()));
        Bulletin.Section seven = b.sections().getFirst().subsections().stream()
                .filter(s -> s.heading().endsWith("审计问题交办整改及信访投诉问题处理情况")).findFirst().orElseThrow();
        int m = month.getMonthValue();
        assertThat(seven.paragraphs()).containsExactly(
                "1. 审计问题交办整改。城投集团承建的公租房200套逾期未交付使用。通过下发《督办通知》、召开推进会等方式督促项目实施进度。"
                        + "目前，已完成消防设备安装，正在进行消防联动验收。整改落实期限" + chinese(auditDue) + "，截止" + m + "月底，未按期整改到位。",
                "2. 信访投诉问题处理情况。章贡区“棚户区中途停工周边卫生极差”的问题已及时办理完毕。"
                        + "章贡区“安置房被私自出售，购房人无法办理不动产登记”。督办章贡区解放街道办事处协调处理。");
        assertThat(b.problems()).anySatisfy(p -> assertThat(p).endsWith("是审计及信访投诉问题整改处理不及时。"
                + "章贡区城投集团“城投集团承建的公租房200套逾期未交付使用”逾期未整改到位（整改期限" + chinese(auditDue) + "），审计交办问题整改不力；"
                + "章贡区信访问题“安置房被私自出售，购房人无法办理不动产登记”没有得到妥善处理（办理期限" + chinese(today.minusDays(10)) + "）。"));

        assertThat(as(city, () -> bulletins.ledgerSection(GANZHOU, month))).get().extracting(Bulletin.Section::paragraphs)
                .isEqualTo(seven.paragraphs());
        // the month before: none of these items existed at its end — no section, no invented "0 items", no problem 三
        Bulletin before = as(city, () -> bulletins.compose(GANZHOU, month.minusMonths(1), BulletinOptions.defaults()));
        assertThat(before.sections().getFirst().subsections()).extracting(Bulletin.Section::heading)
                .noneMatch(h -> h.contains("审计问题"));
        assertThat(before.problems()).noneMatch(p -> p.contains("审计及信访"));
        assertThat(as(city, () -> bulletins.ledgerSection(GANZHOU, month.minusMonths(1)))).isEmpty();
        // a county that reads only itself: its own items, not its neighbour's guessed
        Actor nankang = user("t_nk_admin_b", "360703", Role.COUNTY_ADMIN);
        Bulletin other = as(nankang, () -> bulletins.compose("360703", month, BulletinOptions.defaults()));
        assertThat(other.sections().getFirst().subsections()).extracting(Bulletin.Section::heading)
                .noneMatch(h -> h.contains("审计问题"));
    }

    /**
     * Seed 003's 月报告 for 南康区 this month: an expropriation project (scope 40 households, none signed yet) and two
     * overdue-resettlement items (one promised 2024-06-30, one without a promised date); no monthly figures reported —
     * 未报 for 棚改 and funds, never 0.
     */
    @Test
    void theMonthlyReportFromFiguresExpropriationAndTheOverdueLedger() {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        YearMonth month = YearMonth.from(today);
        String nankang = "360703";
        Actor county = user("t_nk_admin_m", nankang, Role.COUNTY_ADMIN);
        Actor office = user("t_nk_office_m", nankang, Role.HOUSING_OFFICE);

        Bulletin empty = as(county, () -> monthlyReports.compose(nankang, month));
        assertThat(empty.sections()).extracting(Bulletin.Section::paragraphs).containsExactly(
                List.of(month.getYear() + "年南康区棚户区改造年度任务未报，截止" + month.getMonthValue() + "月底已开工未报，开工率—；基本建成未报；完成投资未报。"),
                List.of("无数据（南康区没有在系统中登记的征收项目）。"),
                List.of("截止" + month.getMonthValue() + "月底，南康区保障性安居工程资金到位未报，拨付未报，拨付率—；支出未报。月报资金为保障性安居工程合计，棚改资金未单列。"),
                List.of("无数据（南康区台账中没有棚改逾期未安置事项）。"));

        as(office, () -> expropriations.create(new org.anju.ledger.expropriation.ProjectForm(nankang, "蓉江路片区旧城区改建（测试）",
                "旧城区改建", 40, new java.math.BigDecimal("3200"), "START_NEXT_DAY", 10, 10, null, null, null)));
        Unit street = as(county, () -> ledger.addUnit(nankang, "蓉江街道办事处", UnitKind.GOVERNMENT));
        LocalDate due = today.plusDays(40);
        as(county, () -> ledger.create(new NewItem("OVERDUE_RESETTLEMENT", nankang, "蓉江新区棚改安置小区",
                Map.of("category", "在建项目", "project_info", "2019年开工", "households", "120", "problem", "配套未完成",
                        "promised_on", "2024-06-30"), street.id(), null, null, due, null, null, null, null, null)));
        as(county, () -> ledger.create(new NewItem("OVERDUE_RESETTLEMENT", nankang, "东山安置房",
                Map.of("category", "尚未开工项目", "project_info", "未开工", "households", "36", "problem", "资金未落实"),
                street.id(), null, null, due, null, null, null, null, null)));

        Bulletin r = as(county, () -> monthlyReports.compose(nankang, month));
        assertThat(r.title()).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月南康区棚户区改造等工作月报告");
        long months = java.time.temporal.ChronoUnit.MONTHS.between(LocalDate.of(2024, 6, 30), today);
        String dueText = chinese(due);
        assertThat(r.sections().get(1).paragraphs()).containsExactly("南康区在系统中登记征收项目1个，征收范围内40户，已签约0户，"
                + "签约率0.00%；已腾空0户，腾空率0.00%（截止" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth()
                + "日）。蓉江路片区旧城区改建（测试）（南康区）征收范围内40户，签约率0.00%，腾空率0.00%。");
        assertThat(r.sections().get(3).paragraphs()).containsExactly("南康区棚改逾期未安置台账共2个项目、涉及156户，其中已整改销号0个，尚未销号2个。"
                + "南康区蓉江新区棚改安置小区，120户，逾期" + months + "个月，待整改，整改期限" + dueText + "。"
                + "南康区东山安置房，36户，约定安置日期未报，待整改，整改期限" + dueText + "。");
        // the DOCX carries the same text
        byte[] docx = as(county, () -> monthlyReports.docx(nankang, month));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs()).extracting(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .contains("四、解决棚改逾期未安置问题整改", r.sections().get(3).paragraphs().getFirst());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a sibling county reads neither
        Actor zhanggong = user("t_zg_admin_m", ZHANGGONG, Role.COUNTY_ADMIN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(zhanggong, () -> monthlyReports.compose(nankang, month)))
                .isInstanceOf(org.anju.platform.Denied.class).hasMessageContaining("无权查看南康区的月报告");
    }
}
