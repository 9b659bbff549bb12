package org.anju.progress;

import org.anju.indicator.Indicator;
import org.anju.indicator.Measure;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The largest figure one unit's month or one project may plausibly hold, per measure (套, 户, 万元 …) or per
 * indicator: beyond it a typo, a unit mix-up (元 for 万元) or an attack — 1e131071 户 once went into every roll-up.
 * Configurable as {@code anju.figures.maxima.<measure code>} or {@code anju.figures.maxima[<indicator code>]} (an
 * indicator's own entry wins); the defaults
 * are generous for the largest county, so a real figure is never refused.
 */
@Component
public class FigureLimits {

    /** Per measure: 套, 间, 户 up to a million; 小区 100,000; 栋 a million; 10 亿平方米; 1 万亿元. */
    static final Map<String, BigDecimal> DEFAULTS = Map.of(
            "UNIT", new BigDecimal("1000000"),
            "ROOM", new BigDecimal("1000000"),
            "HOUSEHOLD", new BigDecimal("1000000"),
            "COMMUNITY", new BigDecimal("100000"),
            "BUILDING", new BigDecimal("1000000"),
            "AREA_10K_M2", new BigDecimal("100000"),
            "YUAN_10K", new BigDecimal("100000000"));
    /** Any figure whatever its measure. */
    static final BigDecimal ANY = new BigDecimal("10000000000");
    /** Decimals a figure may carry (万元 to the 元 needs 4). */
    static final int DECIMALS = 4;

    private final Map<String, BigDecimal> maxima = new HashMap<>(DEFAULTS);

    /** An indicator code: PROGRAM.STAGE.MEASURE. */
    private static final java.util.regex.Pattern INDICATOR = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*){2}");

    /**
     * Reads {@code anju.figures.maxima}. Bound as text: Spring keeps the dots of a key like
     * {@code [AFFORDABLE_RENTAL.START.UNIT]} only for plain values, and a limit silently not applied would be worse
     * than none — so an unknown key or a value that is not a positive number stops the start, saying which.
     */
    @org.springframework.beans.factory.annotation.Autowired
    FigureLimits(Environment environment) {
        this(Binder.get(environment).bind("anju.figures.maxima", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> number(e.getKey(), e.getValue()))));
    }

    /** For plain unit tests. */
    FigureLimits(Map<String, BigDecimal> configured) {
        configured.forEach((key, value) -> {
            if (!DEFAULTS.containsKey(key) && !INDICATOR.matcher(key).matches()) {
                throw new IllegalStateException("配置 anju.figures.maxima 的键 " + key + " 不是计量单位代码（" + String.join("、",
                        new java.util.TreeSet<>(DEFAULTS.keySet())) + "）或指标代码；指标代码含“.”，须写成 anju.figures.maxima"
                        + "[AFFORDABLE_RENTAL.START.UNIT]（YAML 中写 \"[AFFORDABLE_RENTAL.START.UNIT]\"），代码区分大小写");
            }
            maxima.put(key, value);
        });
    }

    private static BigDecimal number(String key, String value) {
        try {
            BigDecimal n = new BigDecimal(value.strip());
            if (n.signum() > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalStateException("配置 anju.figures.maxima 的 " + key + " 应为正数：" + value);
    }

    /** The largest acceptable value of the indicator. */
    public BigDecimal max(Indicator indicator) {
        BigDecimal own = maxima.get(indicator.code());
        return own != null ? own : maxima.getOrDefault(indicator.measureCode(), ANY);
    }

    /** The largest acceptable value of a figure in this measure (project sizes). */
    public BigDecimal max(String measureCode) {
        return maxima.getOrDefault(measureCode, ANY);
    }

    /** Why the value is not a plausible figure of the indicator ({@link #problem(BigDecimal, BigDecimal, String, boolean, String)}). */
    public String problem(BigDecimal value, Indicator indicator) {
        return problem(value, indicator, null);
    }

    /**
     * The same for a value read from a file, with what its cell shows ({@code shown}: a workbook's number its format
     * shows rounded, org.anju.intake.SourceRow#shownRounded, said beside a fraction in a count; null for none).
     */
    public String problem(BigDecimal value, Indicator indicator, String shown) {
        return problem(value, max(indicator), indicator.measureName(), indicator.exact(), shown);
    }

    /** Why the value is not a plausible figure in the measure (a project's size); counts are the catalogue's exact measures. */
    public String problem(BigDecimal value, Measure measure) {
        return problem(value, measure, null);
    }

    /** The same for a value read from a file, with what its cell shows ({@link #problem(BigDecimal, Indicator, String)}). */
    public String problem(BigDecimal value, Measure measure, String shown) {
        return problem(value, max(measure.code()), measure.name(), measure.exact(), shown);
    }

    /**
     * Why the value is not plausible ("不合理：… 应不超过 1000000 户"), or not whole in a count ("应为整数：1.5": half a
     * household is a typo or an average, and rounding it here would store a figure nobody reported), or null when it
     * is. Which measures are counts is the catalogue's data (measure.exact: 套, 户, 个, 栋 …), not decided here.
     * Negative values are the caller's own rule.
     */
    static String problem(BigDecimal value, BigDecimal max, String measureName, boolean count, String shown) {
        String text = shortened(value);
        int decimals = value.stripTrailingZeros().scale();
        if (value.compareTo(max) > 0 || !count && decimals > DECIMALS) {
            return "不合理：" + text + "（应" + (count ? "为" : "") + "不超过 " + max.stripTrailingZeros().toPlainString() + " "
                    + measureName + (count ? "的整数" : "，最多 " + DECIMALS + " 位小数") + "；请核对数值和单位）";
        }
        if (count && decimals > 0) {
            return "应为整数：" + text + "（按" + measureName + "计数，不能有小数；" + (shown == null ? "" : shown + "；")
                    + "请填写核实的整数，系统不代为舍入）";
        }
        return null;
    }

    private static String shortened(BigDecimal value) {
        String text = value.toString();
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
