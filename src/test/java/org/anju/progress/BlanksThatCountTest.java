package org.anju.progress;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which units that left a task's figure blank move their region's rate (review 25 H2). */
class BlanksThatCountTest {

    static final int GANZHOU = 1, LINZE = 2, CITY_LEVEL = 3;

    @Test
    void aUnitWithoutATaskMovesNothingWhereTheUnitsTasksMakeUpTheRegions() {
        // seed 004: the counties' 发放任务 add up to the city's 2503; 市本级 has none and leaves the item blank
        Map<Integer, BigDecimal> own = Map.of(GANZHOU, new BigDecimal("1100"), LINZE, new BigDecimal("1403"));
        assertThat(Progress.blanksThatCount(List.of(CITY_LEVEL), own, new BigDecimal("2503"))).isZero();
        assertThat(Progress.blanksThatCount(List.of(CITY_LEVEL, LINZE), own, new BigDecimal("2503"))).isEqualTo(1);
    }

    @Test
    void aRegionsTaskNotBrokenDownCountsEveryBlank() {
        // the province's figure for the city, no city plan printing the counties: each blank is a part at 0
        assertThat(Progress.blanksThatCount(List.of(CITY_LEVEL, LINZE), Map.of(), new BigDecimal("2000"))).isEqualTo(2);
        // broken down in part: the rest of the task is nobody's own, so a blank may be it
        Map<Integer, BigDecimal> some = Map.of(GANZHOU, new BigDecimal("1100"));
        assertThat(Progress.blanksThatCount(List.of(CITY_LEVEL), some, new BigDecimal("2000"))).isEqualTo(1);
    }

    @Test
    void aTaskOfZeroIsNoTask() {
        Map<Integer, BigDecimal> own = Map.of(GANZHOU, new BigDecimal("100"), LINZE, BigDecimal.ZERO);
        assertThat(Progress.blanksThatCount(List.of(LINZE), own, new BigDecimal("100"))).isZero();
    }
}
