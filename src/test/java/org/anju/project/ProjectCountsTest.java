package org.anju.project;

import org.anju.SeedDataTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.indicator.Indicators;
import org.anju.indicator.Program;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin counts the year's projects of every program in one statement ({@link Projects#countsOfYear}, issue 15):
 * on the seed register it gives each program's {@link Projects#countOfYear}, 0 where a program has none.
 */
@SeedDataTest
class ProjectCountsTest {

    @Autowired
    Projects projects;
    @Autowired
    Regions regions;
    @Autowired
    Indicators indicators;

    @Test
    void everyProgramAtOnceEqualsOneByOne() {
        int[] nonZero = {0};
        Access.runAs(Actor.system(regions.root()), () -> {
            for (String code : List.of("000000", "620000", "620700", "360000")) {
                Region scope = regions.byCode(code).orElseThrow();
                for (int year = 2021; year <= 2024; year++) {
                    Map<String, Integer> all = projects.countsOfYear(scope, year);
                    for (Program p : indicators.programs()) {
                        int one = projects.countOfYear(scope, year, p.code());
                        assertThat(all.getOrDefault(p.code(), 0)).as("%s %d %s", code, year, p.code()).isEqualTo(one);
                        if (one > 0) {
                            nonZero[0]++;
                        }
                    }
                    assertThat(all.keySet()).allMatch(k -> indicators.program(k).isPresent());
                }
            }
            return null;
        });
        assertThat(nonZero[0]).as("the seed register has projects to count").isPositive();
    }
}
