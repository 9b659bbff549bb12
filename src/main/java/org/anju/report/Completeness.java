package org.anju.report;

/**
 * How complete and timely a region's subtree reported a month.
 *
 * @param expected  reporting units (counties, districts, development zones, 市本级) in the subtree
 * @param submitted units whose report counts (submitted, approved or locked)
 * @param approved  approved or locked
 * @param onTime    first submitted by the deadline
 * @param returned  returned and not yet resubmitted
 */
public record Completeness(String regionCode, String regionName, int expected, int submitted, int approved,
                           int onTime, int returned) {

    public String completenessText() {
        return org.anju.progress.Rates.format(org.anju.progress.Rates.rate(java.math.BigDecimal.valueOf(submitted),
                java.math.BigDecimal.valueOf(expected)));
    }

    public String timelinessText() {
        return org.anju.progress.Rates.format(org.anju.progress.Rates.rate(java.math.BigDecimal.valueOf(onTime),
                java.math.BigDecimal.valueOf(expected)));
    }
}
