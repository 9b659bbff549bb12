package org.anju.project;

import org.anju.SeedDataTest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewritten stalled-project statement returns what the old one ({@link StallOracle}) returned on the seed register,
 * row for row and column for column: the nation, 甘肃省, 张掖市, 江西省, every month of 2021–2025 (see
 * {@link StallCandidatesTest} for progress with gaps).
 */
@SeedDataTest
class StallCandidatesSeedTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Regions regions;

    @Test
    void rewrittenStatementEqualsTheOldOneOnTheSeedRegister() {
        int rows = 0;
        for (String code : List.of("000000", "620000", "620700", "360000")) {
            Region scope = regions.byCode(code).orElseThrow();
            for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                Map<String, Object> params = ProjectRepository.stallParams(scope.id(), m);
                List<Map<String, Object>> old = jdbc.sql(StallOracle.SQL).params(params).query().listOfRows();
                assertThat(jdbc.sql(ProjectRepository.STALL_CANDIDATES).params(params).query().listOfRows())
                        .as("%s %s", code, m).containsExactlyElementsOf(old);
                rows += old.size();
            }
        }
        assertThat(rows).as("the seed register has stalled candidates").isPositive();
    }
}
