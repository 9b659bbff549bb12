package org.anju.rental.stock;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A status a dwelling took: by which step (ENTER when entered), effective from which day, why, when and by whom. */
public record DwellingEvent(int seq, String step, StockStatus status, LocalDate effectiveOn, String reason,
                            OffsetDateTime at, String by) {

    /** The step's Chinese name (录入 for the first). */
    public String stepLabel() {
        return "ENTER".equals(step) ? "录入" : StockStep.parse(step).map(StockStep::label).orElse(step);
    }
}
