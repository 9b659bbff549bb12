package org.anju.supervision;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.Periods;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST: rankings, below-average units, milestones, 序时进度, stalled projects, projections. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "督导", description = "排名、低于序时进度的单位、进度要求核对、进展缓慢和逾期未交付的项目、年底预计")
@RestController
@RequestMapping("/api/supervision/{region}/{period}")
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/ranking")
    @Requires(Requirement.READ_SCOPED)
    Ranking ranking(@PathVariable String region, @PathVariable String period, @RequestParam String indicator,
                    @RequestParam(defaultValue = "false") boolean counties) {
        return supervision.ranking(region, Periods.parse(period), indicator, counties);
    }

    /** The scope's children that have not reported the month, or only some of their units. */
    @GetMapping("/reporting")
    @Requires(Requirement.READ_SCOPED)
    List<Supervision.Reporting> reporting(@PathVariable String region, @PathVariable String period) {
        return supervision.reporting(region, Periods.parse(period));
    }

    /** Every milestone of the year checked for the scope and its children: met, missed, not due, or why not measured. */
    @GetMapping("/milestone-checks")
    @Requires(Requirement.READ_SCOPED)
    List<MilestoneCheck> milestoneChecks(@PathVariable String region, @PathVariable String period) {
        return supervision.milestoneChecks(region, Periods.parse(period));
    }

    @GetMapping("/milestones")
    @Requires(Requirement.READ_SCOPED)
    List<MilestoneAlert> milestones(@PathVariable String region, @PathVariable String period) {
        return supervision.milestoneAlerts(region, Periods.parse(period));
    }

    @GetMapping("/lagging")
    @Requires(Requirement.READ_SCOPED)
    List<LaggingUnit> lagging(@PathVariable String region, @PathVariable String period) {
        return supervision.lagging(region, Periods.parse(period));
    }

    /** Projects past their contractual delivery date, not delivered at the month's end (逾期交付). */
    @GetMapping("/overdue-deliveries")
    @Requires(Requirement.READ_SCOPED)
    List<OverdueDelivery> overdueDeliveries(@PathVariable String region, @PathVariable String period) {
        return supervision.overdueDeliveries(region, Periods.parse(period));
    }

    @GetMapping("/stalled")
    @Requires(Requirement.READ_SCOPED)
    List<StalledProject> stalled(@PathVariable String region, @PathVariable String period) {
        return supervision.stalled(region, Periods.parse(period));
    }

    @GetMapping("/projections")
    @Requires(Requirement.READ_SCOPED)
    List<Projection> projections(@PathVariable String region, @PathVariable String period) {
        return supervision.projections(region, Periods.parse(period));
    }
}
