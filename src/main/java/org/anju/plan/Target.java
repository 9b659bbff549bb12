package org.anju.plan;

import java.math.BigDecimal;

/** One target as printed: a unit's figure for an indicator and year, and the table row it is printed in. */
public record Target(String regionCode, String regionName, String rowLabel, RowRole role, String indicatorCode,
                     Integer year, BigDecimal value, int tableSeq, String tableLabel) {
}
