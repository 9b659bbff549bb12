package org.anju.account;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both layouts of a bulk audit entry read as the same rows; a row picked by its key as jsonb's {@code @>} would. */
class StatementRowsTest {

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void byColumnAndByRowAreTheSameRows() {
        List<Object> byColumn = List.of(List.of("id", "name", "value"), List.of(1, 2), List.of("甲", "乙"),
                Arrays.asList(10.5, null));
        List<Object> byRow = List.of(row("id", 1, "name", "甲", "value", 10.5), row("id", 2, "name", "乙", "value", null));
        assertThat(StatementRows.of(byColumn)).isEqualTo(byRow).isEqualTo(StatementRows.of(byRow));
        assertThat(StatementRows.of(byColumn).getFirst().keySet()).containsExactly("id", "name", "value");
        assertThat(StatementRows.of(List.of())).isEmpty();
        assertThat(StatementRows.of(List.of(List.of()))).as("no visible column: no rows").isEmpty();
    }

    @Test
    void columnsThatDoNotLineUpAreRefusedNotPaddedOrCut() {
        assertThatThrownBy(() -> StatementRows.of(List.of(List.of("id", "name"), List.of(1, 2), List.of("甲"))))
                .hasMessage("审计记录的列长短不一：id 有 2 行，name 有 1 行");
        assertThatThrownBy(() -> StatementRows.of(List.of(List.of("id", "name"), List.of(1, 2))))
                .hasMessage("审计记录的列数与列名数不符：2 个列名，1 列");
        assertThatThrownBy(() -> StatementRows.of(List.of("x"))).hasMessageContaining("不是对象");
    }

    @Test
    void aRowIsFoundByItsKeyAsJsonbContainmentFindsIt() {
        Map<String, Object> r = row("plan_id", 7, "region_id", 361102, "year", null, "value", 12.5);
        assertThat(StatementRows.contains(r, Map.of("plan_id", 7L, "region_id", 361102))).isTrue();
        assertThat(StatementRows.contains(r, Map.of("value", new BigDecimal("12.500000")))).isTrue();
        assertThat(StatementRows.contains(r, row("year", null))).isTrue();
        assertThat(StatementRows.contains(r, Map.of("plan_id", 8))).isFalse();
        assertThat(StatementRows.contains(r, Map.of("plan_id", "7"))).as("a string is not a number").isFalse();
        assertThat(StatementRows.contains(r, Map.of("indicator_id", 1))).as("a column the row lacks").isFalse();
        assertThat(StatementRows.contains(r, row("year", 2025))).isFalse();
    }

    @Test
    void theRowsOfAKeyAreTheSameInEitherLayout() {
        List<Object> byColumn = List.of(List.of("plan_id", "region_id", "value"), List.of(7, 7, 7), List.of(1, 2, 2),
                List.of(1.5, 2.5, 3.5));
        List<Object> byRow = List.of(row("plan_id", 7, "region_id", 1, "value", 1.5), row("plan_id", 7, "region_id", 2, "value", 2.5),
                row("plan_id", 7, "region_id", 2, "value", 3.5));
        for (List<Object> entry : List.of(byColumn, byRow)) {
            assertThat(StatementRows.matching(entry, Map.of("plan_id", 7L, "region_id", 2)))
                    .containsExactly(row("plan_id", 7, "region_id", 2, "value", 2.5), row("plan_id", 7, "region_id", 2, "value", 3.5));
            assertThat(StatementRows.matching(entry, Map.of("region_id", 3))).isEmpty();
            assertThat(StatementRows.matching(entry, Map.of("year", 2025))).as("a column the rows lack").isEmpty();
        }
        assertThatThrownBy(() -> StatementRows.matching(List.of(List.of("id", "name"), List.of(1, 2), List.of("甲")),
                Map.of("id", 1))).hasMessage("审计记录的列长短不一：id 有 2 行，name 有 1 行");
    }
}
