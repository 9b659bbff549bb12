package org.anju.plan;

import java.util.List;

/** A plan with everything it holds, as imported (not yet stored) or as loaded. */
public record PlanDraft(Plan plan, List<BreakdownTable> tables, List<Milestone> milestones,
                        List<StatedTotal> statedTotals) {

    public PlanDraft withPlan(Plan p) {
        return new PlanDraft(p, tables, milestones, statedTotals);
    }
}
