package org.anju.progress;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST: roll-ups and rates of any region and month, with drill-down to its children. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "进度汇总", description = "地区某月的累计完成、目标和比率，逐级汇总")
@RestController
@RequestMapping("/api/progress")
class ProgressController {

    private final Progress progress;

    ProgressController(Progress progress) {
        this.progress = progress;
    }

    @GetMapping("/{region}/{period}")
    @Requires(Requirement.READ_SCOPED)
    ProgressSummary summary(@PathVariable String region, @PathVariable String period) {
        return progress.summary(region, Periods.parse(period));
    }

    @GetMapping("/{region}/{period}/children")
    @Requires(Requirement.READ_SCOPED)
    List<ProgressSummary> children(@PathVariable String region, @PathVariable String period) {
        return progress.children(region, Periods.parse(period));
    }
}
