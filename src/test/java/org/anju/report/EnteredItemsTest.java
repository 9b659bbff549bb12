package org.anju.report;

import org.anju.indicator.Indicator;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stages the roll-ups treat as typed into the report (a blank one is 未填, not 0) are exactly those of the report
 * form's items: a new item must not be read as "no project reached it", nor a register stage as 未填.
 */
class EnteredItemsTest {

    @Test
    void theEnteredStagesAreTheFormsItems() {
        assertThat(ReportItems.ALL.stream().map(i -> i.indicatorCode().split("\\.")[1]).collect(Collectors.toSet()))
                .isEqualTo(Indicator.ENTERED_STAGES);
    }
}
