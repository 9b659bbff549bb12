package org.anju.progress;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a roll-up line prints for a figure that is missing, for each reason it can be (guesses audit H1, review 25 L7). */
class ProgressLineTest {

    static ProgressLine line(String actual, String target, String rate, boolean unreported, int unfilled) {
        return new ProgressLine("SHANTYTOWN", "城市棚户区改造", "SHANTYTOWN.START.UNIT", "城市棚户区改造开工（套）", "开工", "套",
                actual == null ? null : new BigDecimal(actual), new BigDecimal(target), "开工率",
                rate == null ? null : new BigDecimal(rate), 1, Map.of(), unreported, unfilled);
    }

    @Test
    void aRegisterStageNobodyReachedIs0BesideIts0Rate() {
        ProgressLine none = line(null, "100", "0.0", false, 0);
        assertThat(none.actualText()).isEqualTo("0");
        assertThat(none.rateText()).isEqualTo("0.0%");
        assertThat(none.shownActual()).isEqualByComparingTo("0");
        assertThat(none.actual()).as("the figure itself stays absent").isNull();
    }

    @Test
    void notReportedIs未报AndLeftBlankIs未填NeverZero() {
        assertThat(line(null, "100", null, true, 0).actualText()).isEqualTo("未报");
        assertThat(line(null, "100", null, true, 0).rateText()).isEqualTo("未报");
        assertThat(line(null, "100", null, false, 1).actualText()).isEqualTo("未填");
        assertThat(line(null, "100", null, false, 1).rateText()).isEqualTo("未填");
        ProgressLine partly = line("60", "100", null, false, 1);
        assertThat(partly.actualText()).isEqualTo("60");
        assertThat(partly.rateText()).isEqualTo("含未填项");
    }
}
