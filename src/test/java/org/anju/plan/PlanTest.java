package org.anju.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plan's own bounds (issue 10): years a month can fall in, a span a real plan has, titles a page can show. */
class PlanTest {

    static Plan plan(String title, String number, int first, int last) {
        return new Plan(null, title, 1, null, number, null, first, last, null, null, null);
    }

    @Test
    void yearsSpansAndTitlesAreBounded() {
        assertThatCode(() -> plan("“十四五”城镇住房发展规划", null, 2021, 2025)).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan("计划", null, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("计划年度有误：0–0（应在 1990—2100 年之间）");
        assertThatThrownBy(() -> plan("计划", null, 2023, 9999)).hasMessage("计划年度有误：2023–9999（应在 1990—2100 年之间）");
        assertThatThrownBy(() -> plan("计划", null, 2021, 2040)).hasMessage("计划年度有误：2021–2040 跨 20 年（最多 10 年，如五年规划）");
        assertThatThrownBy(() -> plan("计".repeat(200_000), null, 2023, 2023)).hasMessage("计划标题过长：200000 字（最多 300 字）");
        assertThatThrownBy(() -> plan("计划", "号".repeat(301), 2023, 2023)).hasMessage("文号过长：301 字（最多 300 字）");
    }
}
