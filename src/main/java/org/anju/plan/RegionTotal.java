package org.anju.plan;

import java.math.BigDecimal;

/**
 * A plan's target for a region's whole subtree: the sum of the units' own figures below it.
 *
 * @param units how many figures were added
 */
public record RegionTotal(String indicatorCode, String indicatorName, Integer year, BigDecimal total, int units) {
}
