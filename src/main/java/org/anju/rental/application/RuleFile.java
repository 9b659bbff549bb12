package org.anju.rental.application;

import org.anju.rental.household.Guarantee;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule file a city uploaded, as stored (the content verbatim).
 *
 * @param kind      eligibility conditions ({@code RULES}, read by RuleSets) or a review flow ({@code FLOW}, ReviewFlow)
 * @param programme as the file states it (PUBLIC_RENTAL:低保特困); {@code guarantee} is its first part
 */
public record RuleFile(long id, String cityCode, String cityName, Kind kind, String programme, Guarantee guarantee,
                       String name, LocalDate effectiveFrom, LocalDate effectiveTo, String fileName, String content,
                       Instant uploadedAt, String uploadedBy) {

    public enum Kind {
        RULES("准入条件"), FLOW("审核流程");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** 2024年1月1日起 / 2024年1月1日至2024年12月31日 */
    public String period() {
        return Dates.day(effectiveFrom) + (effectiveTo == null ? "起" : "至" + Dates.day(effectiveTo));
    }
}
