package org.anju.ledger.item;

import org.anju.ledger.kind.FieldDef;
import org.anju.ledger.kind.FieldType;
import org.anju.ledger.kind.KindDefinition;
import org.anju.ledger.kind.Kinds;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's pure logic: states, alerts, months late, field values, the kind files. */
class LedgerLogicTest {

    @Test
    void statesMoveOnlyAlongTheProcedure() {
        assertThat(LedgerState.PENDING.after(LedgerState.Step.PROGRESS)).isEqualTo(LedgerState.IN_PROGRESS);
        assertThat(LedgerState.IN_PROGRESS.after(LedgerState.Step.PROGRESS)).isEqualTo(LedgerState.IN_PROGRESS);
        assertThat(LedgerState.IN_PROGRESS.after(LedgerState.Step.APPLY)).isEqualTo(LedgerState.APPLIED);
        assertThat(LedgerState.APPLIED.after(LedgerState.Step.RETURN)).isEqualTo(LedgerState.IN_PROGRESS);
        assertThat(LedgerState.APPLIED.after(LedgerState.Step.APPROVE)).isEqualTo(LedgerState.CLOSED);
        assertThatThrownBy(() -> LedgerState.PENDING.after(LedgerState.Step.APPLY)).isInstanceOf(Conflict.class)
                .hasMessage("当前状态为“待整改”，不能申请销号：须先报送整改进展（整改中）才能申请销号");
        assertThatThrownBy(() -> LedgerState.CLOSED.after(LedgerState.Step.PROGRESS)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> LedgerState.IN_PROGRESS.after(LedgerState.Step.APPROVE)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> LedgerState.CLOSED.after(LedgerState.Step.RETURN)).isInstanceOf(Conflict.class);
    }

    @Test
    void alertsFromTheDeadline() {
        LocalDate due = LocalDate.of(2025, 10, 23);
        assertThat(Alert.of(LedgerState.IN_PROGRESS, due, due, 7)).isEqualTo(Alert.DUE_SOON);      // the last day is in time
        assertThat(Alert.of(LedgerState.IN_PROGRESS, due, due.plusDays(1), 7)).isEqualTo(Alert.OVERDUE);
        assertThat(Alert.of(LedgerState.PENDING, due, due.minusDays(7), 7)).isEqualTo(Alert.DUE_SOON);
        assertThat(Alert.of(LedgerState.PENDING, due, due.minusDays(8), 7)).isEqualTo(Alert.NONE);
        assertThat(Alert.of(LedgerState.APPLIED, due, due.plusDays(30), 7)).isEqualTo(Alert.OVERDUE);
        assertThat(Alert.of(LedgerState.CLOSED, due, due.plusDays(30), 7)).isEqualTo(Alert.NONE);
    }

    @Test
    void monthsLateOfTheSeedsDeliveries() {
        // research/issue13/late_delivery/01 TEST NOTE: 2019-06-30 → 2023-12-31 = 54 months. Its "2022-10-01 → 2023-12-31 =
        // 15 months" counts the calendar months touched (2022年10月 … 2023年12月); whole months elapsed, as here, are 14
        assertThat(Alert.monthsLate(LocalDate.of(2019, 6, 30), LocalDate.of(2023, 12, 31))).isEqualTo(54);
        assertThat(Alert.monthsLate(LocalDate.of(2022, 10, 1), LocalDate.of(2023, 12, 31))).isEqualTo(14);
        assertThat(Alert.monthsLate(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 12, 31))).isZero();
    }

    @Test
    void fieldValuesAreNormalizedOrRefusedNeverGuessed() {
        FieldDef amount = new FieldDef("amount", "涉及金额（万元）", FieldType.AMOUNT, false, List.of(), "万元", 4);
        assertThat(amount.normalize("1.58510")).isEqualTo("1.5851");
        assertThat(amount.normalize("15,851")).isEqualTo("15851");
        assertThat(amount.normalize("")).isNull();   // 未报, not 0
        assertThatThrownBy(() -> amount.normalize("1.5851亿元")).isInstanceOf(BadInput.class)
                .hasMessage("“涉及金额（万元）”应为以万元计的数字（最多 4 位小数），实际为“1.5851亿元”");
        FieldDef date = new FieldDef("contract_on", "合同约定交付日期", FieldType.DATE, true, List.of(), null, 0);
        assertThat(date.normalize("2022年10月1日")).isEqualTo("2022-10-01");
        assertThat(date.normalize("2022/10/1")).isEqualTo("2022-10-01");
        assertThatThrownBy(() -> date.normalize("2019年6月底前")).hasMessageContaining("应为日期");
        assertThatThrownBy(() -> date.normalize(" ")).hasMessage("“合同约定交付日期”不能为空");
        FieldDef households = new FieldDef("households", "户数", FieldType.INTEGER, true, List.of(), null, 0);
        assertThatThrownBy(() -> households.normalize("约120")).hasMessage("“户数”应为非负整数，实际为“约120”");
    }

    @Test
    void theFiveKindFilesParseWithTheirSourcesAndRules() {
        Kinds kinds = new Kinds();
        assertThat(kinds.all()).extracting(KindDefinition::code).containsExactly("AUDIT", "DANGEROUS_BUILDING", "LATE_DELIVERY",
                "OVERDUE_RESETTLEMENT", "PETITION");
        KindDefinition petition = kinds.get("信访投诉");
        assertThat(petition.deadline().label()).isEqualTo("60日");
        assertThat(petition.extensionDays()).isEqualTo(30);
        assertThat(petition.limits()).extracting(KindDefinition.Limit::label)
                .containsExactly("受理告知 15日", "办结 60日", "复查意见 30日", "复核意见 30日");
        assertThat(petition.source()).contains("国务院令第431号");
        assertThat(kinds.get("OVERDUE_RESETTLEMENT").field("category").orElseThrow().values()).hasSize(10);
        assertThat(kinds.get("DANGEROUS_BUILDING").flags()).containsEntry("no_other_housing", "应纳入公租房/保租房保障");
        kinds.all().forEach(k -> assertThat(k.source()).as(k.code()).isNotBlank());
        assertThatThrownBy(() -> kinds.get("拆迁")).isInstanceOf(BadInput.class).hasMessageStartingWith("台账种类“拆迁”不存在");
        assertThatThrownBy(() -> Kinds.parse("X.tsv", "代码\tX\n名称\t某\n期限\t工作日\t十\n"))
                .hasMessage("台账种类定义 X.tsv 第 3 行：第 3 列应为整数");
    }
}
