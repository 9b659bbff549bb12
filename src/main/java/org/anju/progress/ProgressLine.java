package org.anju.progress;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One indicator of a region's roll-up for a month.
 *
 * @param actual    cumulative to date, all sources added; null when no unit reported it
 * @param target    what the rate divides by (a plan's annual target, or another figure), null if none
 * @param rateName  开工率, 完成投资率, 拨付率 …; null when the indicator has no rate
 * @param rate      one decimal, half-up; null without a target ("—")
 * @param units     how many reporting units' figures were added
 * @param bySource  funds per {@link FundSource} name; empty for everything else
 * @param unreported no unit of the region has a report for the month in the sums: actual and rate are 未报, not 0
 * @param unfilled  how many of the units that reported left this item of the report form blank where it moves the
 *                  rate — the figure of a task, or one of a ratio's two figures with the other filled — or all of them
 *                  when no unit filled the item or its base ({@link org.anju.indicator.Indicator#entered()}: always 0
 *                  for what the project register adds up). All of them and no figure: 未填, not 0. Some: the sum of the
 *                  others stays, with no rate — it would count the blanks as 0
 */
public record ProgressLine(String programCode, String programName, String indicatorCode, String indicatorName,
                           String stageLabel, String measure, BigDecimal actual, BigDecimal target,
                           String rateName, BigDecimal rate, int units, Map<String, BigDecimal> bySource,
                           boolean unreported, int unfilled) {

    /** What pages and documents print for a month nobody reported. */
    public static final String UNREPORTED = "未报";

    /** What they print for an item of the report form that the units which reported left blank. */
    public static final String UNFILLED = "未填";

    /** What a rate says when a unit that reported left one of its two figures blank. */
    public static final String PARTLY_UNFILLED = "含未填项";

    /** Reported, and no unit that reported filled the item in. */
    public boolean blank() {
        return !unreported && unfilled > 0 && actual == null;
    }

    /** No rate because units that reported left the figure or its base blank (未填 / 含未填项, never "—" or 0). */
    public boolean rateUnfilled() {
        return !unreported && rate == null && unfilled > 0;
    }

    public String rateText() {
        if (unreported) {
            return UNREPORTED;
        }
        if (rateUnfilled()) {
            return blank() ? UNFILLED : PARTLY_UNFILLED;
        }
        return Rates.format(rate);
    }

    public String actualText() {
        return unreported ? UNREPORTED : blank() ? UNFILLED : Rates.figure(shownActual());
    }

    /**
     * The figure as printed: a register stage no project of the units that reported reached is 0, as its rate
     * (0.0%) already says — not "—" beside it (review 25 L7).
     */
    public BigDecimal shownActual() {
        return actual == null && rate != null && !unreported && unfilled == 0 ? BigDecimal.ZERO : actual;
    }

    /**
     * Column and chart labels of rated lines: 棚户区改造开工率, and where one program has the same rate in several
     * measures (old communities start by 小区, 户 and 栋) the measure too: 城镇老旧小区改造开工率（户）.
     */
    public static Map<String, String> rateLabels(java.util.List<ProgressLine> lines) {
        Map<String, Long> uses = lines.stream().filter(l -> l.rateName() != null).collect(java.util.stream.Collectors
                .groupingBy(l -> l.programName() + l.rateName(), java.util.stream.Collectors.counting()));
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (ProgressLine l : lines) {
            if (l.rateName() != null) {
                String name = l.programName() + l.rateName();
                labels.put(l.indicatorCode(), uses.get(name) > 1 && l.measure() != null ? name + "（" + l.measure() + "）" : name);
            }
        }
        return labels;
    }
}
