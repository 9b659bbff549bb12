package org.anju.plan;

import org.anju.indicator.Indicator;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TargetRollup}: the plan's subtree sums worked out in memory, as the SQL over target and region_ancestor did. */
class TargetRollupTest {

    static final Region NATION = new Region(1, "000000", "全国", RegionKind.NATION, 0, null, null);
    static final Region PROVINCE = new Region(2, "360000000000", "江西省", RegionKind.PROVINCE, 1, 1, "360000");
    static final Region CITY = new Region(3, "360700000000", "赣州市", RegionKind.PREFECTURE, 2, 2, "360700");
    static final Region ZHANGGONG = new Region(4, "360702000000", "章贡区", RegionKind.COUNTY, 3, 3, "360702");
    static final Region NANKANG = new Region(5, "360703000000", "南康区", RegionKind.COUNTY, 3, 3, "360703");
    static final Map<Integer, List<Region>> ABOVE = Map.of(1, List.of(), 2, List.of(NATION), 3, List.of(NATION, PROVINCE),
            4, List.of(NATION, PROVINCE, CITY), 5, List.of(NATION, PROVINCE, CITY));

    static final Indicator STARTED = new Indicator(11, "AFFORDABLE_RENTAL.START.UNIT", "AFFORDABLE_RENTAL", "保障性租赁住房",
            "START", "筹集（开工）", "UNIT", "套", true, 1);
    static final Indicator AREA = new Indicator(12, "OLD_COMMUNITY.START.AREA", "OLD_COMMUNITY", "城镇老旧小区改造",
            "START", "开工", "AREA", "万平方米", false, 2);

    static BreakdownTable.Row row(int seq, Region region, RowRole role, Cell... cells) {
        return new BreakdownTable.Row(seq, region.name(), region, null, role, seq, List.of(cells));
    }

    static Cell cell(String v) {
        return Cell.of(v);
    }

    static final BreakdownTable TABLE = new BreakdownTable(null, 1, "附件1", "2025年目标任务分解表", null, "地区",
            List.of(new BreakdownTable.Column(1, List.of("2025年", "开工"), STARTED, 2025, 2),
                    new BreakdownTable.Column(2, List.of("合计", "面积"), AREA, null, 3)),
            List.of(row(1, CITY, RowRole.TOTAL, cell("999"), cell("999")),
                    row(2, ZHANGGONG, RowRole.DETAIL, cell("10"), cell("1.25")),
                    // seven decimals: stored as numeric(20, 6), rounded half up before it is summed
                    row(3, NANKANG, RowRole.DETAIL, cell("3"), cell("2.0000005")),
                    row(4, NANKANG, RowRole.DETAIL, cell("4"), Cell.BLANK)),
            null, new SourceRef("t.txt", null, 1));

    @Test
    void everyRegionAboveAUnitGetsTheSumOfItsOwnFiguresPerIndicatorAndYear() {
        List<TargetRollup.Sum> sums = TargetRollup.of(List.of(TABLE), r -> ABOVE.get(r.id()));
        // 全国, 江西省 and 赣州市 each: 10 + 3 + 4 = 17 套 from three figures; 1.25 + 2.000001 万平方米 from two (the blank
        // cell is no figure); the 合计 row (999) and the units themselves add nothing
        assertThat(sums).hasSize(6);
        for (int region : List.of(1, 2, 3)) {
            assertThat(sums).anySatisfy(s -> {
                assertThat(s.regionId()).isEqualTo(region);
                assertThat(s.indicatorId()).isEqualTo(11);
                assertThat(s.year()).isEqualTo(2025);
                assertThat(s.total()).isEqualByComparingTo("17");
                assertThat(s.units()).isEqualTo(3);
            });
            assertThat(sums).anySatisfy(s -> {
                assertThat(s.regionId()).isEqualTo(region);
                assertThat(s.indicatorId()).isEqualTo(12);
                assertThat(s.year()).isNull();
                assertThat(s.total()).isEqualByComparingTo(new BigDecimal("3.250001"));
                assertThat(s.units()).isEqualTo(2);
            });
        }
        assertThat(sums).noneMatch(s -> s.regionId() == 4 || s.regionId() == 5);
    }

    @Test
    void noUnitRowsNoSums() {
        BreakdownTable totalsOnly = new BreakdownTable(null, 1, null, "表", null, "地区", TABLE.columns(),
                List.of(TABLE.rows().getFirst()), null, new SourceRef("t.txt", null, 1));
        assertThat(TargetRollup.of(List.of(totalsOnly), r -> ABOVE.get(r.id()))).isEmpty();
    }
}
