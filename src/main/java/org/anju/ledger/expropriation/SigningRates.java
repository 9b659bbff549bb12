package org.anju.ledger.expropriation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * 签约率 and 腾空率, and the 签约比例 gate. Both rates divide by the households in the 征收范围 (the project's stated
 * scope): 丽水's reported 腾空率 97.1 % only matches a denominator of all households, not the signed ones. Rates are
 * shown with two decimals, rounded half up; a figure the source printed with none (泰兴 93 %) is that rounded.
 */
public final class SigningRates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private SigningRates() {
    }

    /** A rate; {@code percent} is null (未报) when the denominator is not stated or zero. */
    public record Rate(long count, Long of, BigDecimal percent) {

        public String label() {
            return percent == null ? "未报" : percent.toPlainString() + "%";
        }
    }

    public static Rate rate(long count, Long of) {
        return rate(count, of, 2);
    }

    public static Rate rate(long count, Long of, int scale) {
        if (of == null || of <= 0) {
            return new Rate(count, of, null);
        }
        return new Rate(count, of, BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(of), scale, RoundingMode.HALF_UP));
    }

    /** The project's 签约比例 rule as data (e.g. 杭州 2019: ≥ 80 % within the 签约期限 for 旧城区改建). */
    public record Gate(BigDecimal percent, String consequence, String source) {
    }

    public enum GateState {
        NONE("未设定签约比例"), OPEN("签约期限未届满"), NO_PERIOD("未登记签约期限"), REACHED("已达到"), MISSED("未达到");

        private final String label;

        GateState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param text what the page shows: the rate against the threshold and, when missed, the rule's consequence */
    public record GateResult(GateState state, Rate rate, String text) {
    }

    /**
     * The gate on {@code asOf}: signed within the period (by its last day) over the households in scope, compared with
     * the threshold once the period has ended; before that the current rate is shown against it.
     */
    public static GateResult gate(Gate gate, long signedByEnd, long scope, LocalDate periodEnd, LocalDate asOf) {
        Rate r = rate(signedByEnd, scope);
        if (gate == null) {
            return new GateResult(GateState.NONE, r, "本项目未设定签约比例");
        }
        String need = "签约比例须达到 " + gate.percent().stripTrailingZeros().toPlainString() + "%（" + gate.source() + "）";
        if (periodEnd == null) {
            return new GateResult(GateState.NO_PERIOD, r, need + "；尚未登记签约期限");
        }
        boolean reached = r.percent() != null && r.percent().compareTo(gate.percent()) >= 0;
        if (!asOf.isAfter(periodEnd)) {
            return new GateResult(GateState.OPEN, r, need + "；签约期限至" + DAY.format(periodEnd) + "，目前 " + r.label()
                    + (reached ? "，已达到" : "，尚未达到"));
        }
        return reached
                ? new GateResult(GateState.REACHED, r, need + "；签约期限内签约 " + r.label() + "，已达到")
                : new GateResult(GateState.MISSED, r, need + "；签约期限内签约 " + r.label() + "，未达到：" + gate.consequence());
    }
}
