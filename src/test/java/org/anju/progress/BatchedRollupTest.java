package org.anju.progress;

import org.anju.SeedDataTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched roll-up of a node's children ({@link Progress#summaries}, one query for all sums) gives exactly what the
 * per-child {@link Progress#summary(Region, YearMonth)} gives, on the seed data: 张掖市's units reported December 2023
 * (fully reported children), 甘肃省 is therefore partly reported nationally, and nobody reported November — where
 * every figure stays 未报 (null), never 0.
 */
@SeedDataTest
class BatchedRollupTest {

    @Autowired
    Progress progress;
    @Autowired
    Regions regions;

    @Test
    void childrenInOneQueryEqualTheChildrenOneByOne() {
        List<ProgressSummary> seen = new ArrayList<>();
        Access.runAs(Actor.system(regions.root()), () -> {
            for (String code : List.of("000000", "620000", "620700", "360000", "360700")) {
                Region node = regions.byCode(code).orElseThrow();
                for (YearMonth month : List.of(YearMonth.of(2023, 11), YearMonth.of(2023, 12))) {
                    List<ProgressSummary> batched = progress.childSummaries(node, month);
                    List<ProgressSummary> oneByOne = regions.children(node).stream().map(c -> progress.summary(c, month)).toList();
                    assertThat(batched).as("%s %s", code, month).isEqualTo(oneByOne);
                    seen.addAll(batched);
                }
            }
            return null;
        });
        // the data has all three cases, so the comparison above covers them
        assertThat(seen).anyMatch(s -> s.reported() > 0 && s.reported() < s.expected() && !s.lines().isEmpty());
        assertThat(seen).anyMatch(s -> s.reported() > 0 && s.reported() >= s.expected() && !s.lines().isEmpty());
        List<ProgressSummary> unreported = seen.stream().filter(s -> s.reported() == 0 && !s.lines().isEmpty()).toList();
        assertThat(unreported).isNotEmpty();
        for (ProgressSummary s : unreported) {
            assertThat(s.lines()).allSatisfy(l -> {
                assertThat(l.unreported()).isTrue();
                assertThat(l.actual()).as("%s %s: missing is not 0", s.regionName(), l.indicatorCode()).isNull();
                assertThat(l.rateText()).isEqualTo(ProgressLine.UNREPORTED);
            });
        }
    }
}
