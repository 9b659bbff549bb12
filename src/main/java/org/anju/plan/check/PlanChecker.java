package org.anju.plan.check;

import org.anju.indicator.Indicators;
import org.anju.plan.PlanDraft;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Checks a plan: every table's rows against the rows under them, multi-year 合计 columns against the
 * years, the totals its text states against its tables, and its figures against what plans of the
 * levels above allocated to it. Works on drafts, so an import can be checked before anything is stored.
 * <p>
 * The application's entry to {@link PlanChecks}: hands it the region directory and the indicator catalogue.
 */
@Component
public class PlanChecker {

    private final PlanChecks checks;

    PlanChecker(Regions regions, Indicators indicators) {
        this.checks = new PlanChecks(tree(regions), code -> indicators.byCode(code).orElseThrow());
    }

    /**
     * @param upper plans issued above this plan's issuer that share a year with it (the allocations it refines)
     */
    public List<Finding> check(PlanDraft subject, List<PlanDraft> upper) {
        return checks.check(subject, upper);
    }

    private static RegionTree tree(Regions regions) {
        return new RegionTree() {
            @Override
            public Region byId(int id) {
                return regions.byId(id);
            }

            @Override
            public Optional<Region> byCode(String code) {
                return regions.byCode(code);
            }

            @Override
            public boolean contains(Region ancestor, Region r) {
                return regions.contains(ancestor, r);
            }

            @Override
            public List<Region> members(Region group) {
                return regions.members(group);
            }

            @Override
            public Optional<Region> parent(Region r) {
                return regions.parent(r);
            }
        };
    }
}
