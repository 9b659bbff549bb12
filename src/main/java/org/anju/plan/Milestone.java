package org.anju.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 进度要求: by {@code dueOn}, {@code thresholdPercent} of an indicator's target (or of a work item
 * such as 前期工作) must be reached, for the projects named in {@code scope}.
 *
 * @param indicatorCode e.g. AFFORDABLE_RENTAL.START.UNIT; null when the requirement is a work item
 * @param programCode   the program the requirement is about, also for work items
 * @param quote         the sentence of the document it was taken from
 */
public record Milestone(Long id, LocalDate dueOn, String programCode, String indicatorCode, String workItem,
                        String scope, BigDecimal thresholdPercent, String quote) {

    public Milestone {
        if (dueOn == null) {
            throw new IllegalArgumentException("进度要求缺少日期");
        }
        if (indicatorCode == null && (workItem == null || workItem.isBlank())) {
            throw new IllegalArgumentException("进度要求须指明指标或工作事项");
        }
    }
}
