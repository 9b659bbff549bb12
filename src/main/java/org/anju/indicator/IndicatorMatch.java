package org.anju.indicator;

/** What a column of a breakdown table counts, or why that could not be told. */
public sealed interface IndicatorMatch {

    record Matched(Indicator indicator) implements IndicatorMatch {
    }

    /** @param reason a Chinese sentence for the user, e.g. 未能识别工程类别 */
    record Unmatched(String reason) implements IndicatorMatch {
    }
}
