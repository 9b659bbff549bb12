package org.anju.progress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for rates and printed figures (fast layer, issue 11): one decimal, half-up; no target, no rate. */
class RatesTest {

    @ParameterizedTest(name = "{0} ÷ {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "54, 100, 54.0, 54.0%",
            "1, 3, 33.3, 33.3%",
            "2, 3, 66.7, 66.7%",        // half-up, not banker's
            "1, 8, 12.5, 12.5%",
            "1, 16, 6.3, 6.3%",          // 6.25 → 6.3
            "15149.5, 13406, 113.0, 113.0%",
            "0, 100, 0.0, 0.0%",
            "5, 0, null, —",             // a zero target gives no rate, never ∞
            "null, 100, null, —",        // nothing reported: no rate, never 0
            "5, null, null, —"})
    void rateIsActualOverTargetAtOneDecimalHalfUp(BigDecimal actual, BigDecimal target, BigDecimal rate, String printed) {
        assertThat(Rates.rate(actual, target)).isEqualTo(rate);
        assertThat(Rates.format(Rates.rate(actual, target))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {"15149.50, 15149.5", "1092.28, 1092.28", "9223, 9223", "1E+4, 10000",
            "0.000, 0", "null, —"})
    void figuresArePrintedAsOfficialsPrintThem(BigDecimal value, String printed) {
        assertThat(Rates.figure(value)).isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0} ÷ {1} at {2} decimals → {3}")
    @CsvSource({"113, 100, 0, 113", "1012, 1000, 1, 101.2", "2, 3, 0, 67", "1, 200, 0, 1"})
    void atThePrecisionADocumentPrinted(BigDecimal actual, BigDecimal target, int decimals, BigDecimal rate) {
        assertThat(Rates.atPrecision(actual, target, decimals)).isEqualTo(rate);
    }
}
