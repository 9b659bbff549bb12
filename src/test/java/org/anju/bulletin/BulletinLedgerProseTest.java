package org.anju.bulletin;

import org.anju.bulletin.BulletinFigures.AuditItem;
import org.anju.bulletin.BulletinFigures.LateItem;
import org.anju.bulletin.BulletinFigures.Ledgers;
import org.anju.bulletin.BulletinFigures.PetitionItem;
import org.anju.bulletin.BulletinFigures.Problems;
import org.anju.bulletin.BulletinFigures.Scope;
import org.anju.bulletin.BulletinFigures.Stalled;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Section (七) and problem 三 from hand-built ledger figures with the shipped wording, on seed 004's items (张掖市,
 * 2023年12月): the sentence each figure calls for, no Spring, no database.
 */
class BulletinLedgerProseTest {

    static final BulletinProse PROSE = BulletinProseTest.PROSE;
    static final Scope DEC = new Scope(2023, 12, "全市");
    static final String TALENT = "由市发投公司承建的市二院人才房108套，采购合同约定2022年10月1日前交付使用";
    static final LocalDate MAY_END = LocalDate.of(2024, 5, 31);

    @Test
    void anOverdueAuditItemWithItsMeasuresAndLatestNote() {
        Ledgers f = new Ledgers(DEC, List.of(new AuditItem(TALENT, "通过专题研究部署、制定专项工作方案等方式督促项目实施进度。",
                "市城投公司建设的108套人才房已完成消防设备安装，正在进行消防联动验收。", MAY_END, "整改中", false, true)), List.of());
        Bulletin.Section s = PROSE.ledgers(f).orElseThrow();
        assertThat(s.heading()).isEqualTo("审计问题交办整改及信访投诉问题处理情况");
        assertThat(s.paragraphs()).containsExactly("1. 审计问题交办整改。" + TALENT + "。通过专题研究部署、制定专项工作方案等方式督促项目实施进度。"
                + "目前，市城投公司建设的108套人才房已完成消防设备安装，正在进行消防联动验收。整改落实期限2024年5月31日前，截止12月底，未按期整改到位。");
    }

    @Test
    void auditItemsWithoutMeasuresOrNotesCloseOrStillInTime() {
        Ledgers f = new Ledgers(DEC, List.of(new AuditItem("某项目资金未及时拨付", null, null, LocalDate.of(2023, 11, 30), "已销号", true, false),
                new AuditItem("某项目未办理竣工验收", null, null, LocalDate.of(2024, 3, 31), "待整改", false, false)), List.of());
        assertThat(PROSE.ledgers(f).orElseThrow().paragraphs()).containsExactly("1. 审计问题交办整改。"
                + "某项目资金未及时拨付。整改落实期限2023年11月30日前，截止12月底，已整改销号。"
                + "某项目未办理竣工验收。整改落实期限2024年3月31日前，截止12月底，待整改。");
    }

    @Test
    void petitionsClosedInTimeAndOpenWithTheUnitThatHandlesThem() {
        Ledgers f = new Ledgers(DEC, List.of(), List.of(
                new PetitionItem("高台县", "御景园棚户区中途停工周边卫生极差", null, true, true),
                new PetitionItem("甘州区", "部分棚户区改造资金流向未公开", "甘州区住建局", true, true),
                new PetitionItem("甘州区", "御景东方小区棚改安置房被私自出售，购房人无法办理不动产登记", "甘州区上秦镇政府", false, false)));
        assertThat(PROSE.ledgers(f).orElseThrow().paragraphs()).containsExactly("2. 信访投诉问题处理情况。"
                + "高台县“御景园棚户区中途停工周边卫生极差”、甘州区“部分棚户区改造资金流向未公开”的问题已及时办理完毕。"
                + "甘州区“御景东方小区棚改安置房被私自出售，购房人无法办理不动产登记”。督办甘州区上秦镇政府协调处理。");
    }

    @Test
    void petitionsClosedLateAreNotCalledTimelyAndAnOpenOneWithoutUnitSaysSo() {
        Ledgers f = new Ledgers(DEC, List.of(), List.of(new PetitionItem("临泽县", "甲", null, true, false),
                new PetitionItem("临泽县", "乙", null, false, false)));
        assertThat(PROSE.ledgers(f).orElseThrow().paragraphs())
                .containsExactly("2. 信访投诉问题处理情况。临泽县“甲”的问题已办理完毕。临泽县“乙”，尚未明确责任单位。");
    }

    @Test
    void noItemsNoSection() {
        assertThat(PROSE.ledgers(new Ledgers(DEC, List.of(), List.of()))).isEmpty();
    }

    @Test
    void problemThreeFollowsTheStalledProjectsAndNamesUnitsAndItems() {
        Problems p = new Problems(DEC, null, List.of(), List.of(new Stalled("临泽县", "临泽县某项目", false, List.of("未开工"))),
                List.of(), List.of(), List.of(), List.of());
        List<LateItem> late = List.of(new LateItem(true, "张掖市", "张掖市发投公司", "人才房和公租房逾期未交付使用", MAY_END),
                new LateItem(false, "甘州区", "甘州区上秦镇政府", "御景东方小区棚改安置房", LocalDate.of(2023, 11, 20)));
        assertThat(PROSE.problems(p, late)).containsExactly("一是个别项目进展缓慢。临泽县某项目未开工。",
                "二是审计及信访投诉问题整改处理不及时。张掖市发投公司“人才房和公租房逾期未交付使用”逾期未整改到位（整改期限2024年5月31日前），"
                        + "审计交办问题整改不力；甘州区信访问题“御景东方小区棚改安置房”没有得到妥善处理（办理期限2023年11月20日前）。");
        assertThat(PROSE.problems(p, List.of())).containsExactly("一是个别项目进展缓慢。临泽县某项目未开工。");
    }

    @Test
    void aMissingKeyIsAnErrorNotASilence() {
        BulletinProse bare = new BulletinProse(BulletinWording.of(Map.of("ledger.heading", "审计")));
        Ledgers f = new Ledgers(DEC, List.of(), List.of(new PetitionItem("临泽县", "甲", null, true, true)));
        assertThatThrownBy(() -> bare.ledgers(f)).isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger.petition");
    }
}
