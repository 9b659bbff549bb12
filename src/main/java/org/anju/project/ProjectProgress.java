package org.anju.project;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month's progress of a project.
 *
 * @param investment    cumulative 完成投资 since the project began, 万元
 * @param imageProgress 形象进度 in words (主体封顶, 外墙保温施工中 …)
 */
public record ProjectProgress(long projectId, YearMonth period, BigDecimal investment, String imageProgress,
                              String recordedBy) {

    public ProjectProgress {
        if (investment == null || investment.signum() < 0) {
            throw new org.anju.platform.BadInput("累计完成投资须为非负数");
        }
    }
}
