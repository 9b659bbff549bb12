package org.anju.project;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A project as listed for a month: with its latest progress up to that month and whether it is
 * carried over into the year asked for.
 */
public record ProjectView(Project project, YearMonth progressPeriod, BigDecimal investment, String imageProgress,
                          boolean carriedOver) {
}
