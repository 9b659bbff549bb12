package org.anju.progress;

import org.anju.indicator.Indicator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plausible maxima per measure, overridden per measure or per indicator by configuration (issue 10). */
class FigureLimitsTest {

    static final Indicator STARTED = new Indicator(1, "AFFORDABLE_RENTAL.START.UNIT", "AFFORDABLE_RENTAL", "保障性租赁住房",
            "START", "开工", "UNIT", "套", true, 1);
    static final Indicator INVESTMENT = new Indicator(2, "AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K", "AFFORDABLE_RENTAL",
            "保障性租赁住房", "INVESTMENT", "完成投资", "YUAN_10K", "万元", false, 2);

    @Test
    void defaultsPerMeasureAndConfiguredOverrides() {
        FigureLimits defaults = new FigureLimits(Map.of());
        assertThat(defaults.max(STARTED)).isEqualByComparingTo("1000000");
        assertThat(defaults.max(INVESTMENT)).isEqualByComparingTo("100000000");
        assertThat(defaults.max("UNKNOWN")).isEqualByComparingTo("10000000000");
        assertThat(defaults.problem(new BigDecimal("1000000"), STARTED)).isNull();
        assertThat(defaults.problem(new BigDecimal("1000001"), STARTED))
                .isEqualTo("不合理：1000001（应为不超过 1000000 套的整数；请核对数值和单位）");
        assertThat(defaults.problem(new BigDecimal("100000001"), INVESTMENT))
                .isEqualTo("不合理：100000001（应不超过 100000000 万元，最多 4 位小数；请核对数值和单位）");
        assertThat(defaults.problem(new BigDecimal("12.34567"), INVESTMENT)).contains("最多 4 位小数");
        assertThat(defaults.problem(new BigDecimal("1e131071"), STARTED))
                .startsWith("不合理：1E+131071（应为不超过");
        FigureLimits configured = new FigureLimits(Map.of("UNIT", new BigDecimal("50000"),
                "AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K", new BigDecimal("2000000")));
        assertThat(configured.max(STARTED)).isEqualByComparingTo("50000");
        assertThat(configured.max(INVESTMENT)).as("the indicator's own entry wins").isEqualByComparingTo("2000000");
    }

    /**
     * A count (a measure the catalogue marks exact: 套, 户, 个, 栋 …) is whole: 1.5 户 is a typo or an average, and is
     * refused rather than rounded. Amounts and areas keep their 4 decimals.
     */
    @Test
    void aCountIsWholeAndOtherMeasuresKeepTheirDecimals() {
        FigureLimits limits = new FigureLimits(Map.of());
        assertThat(limits.problem(new BigDecimal("1.5"), STARTED))
                .isEqualTo("应为整数：1.5（按套计数，不能有小数；请填写核实的整数，系统不代为舍入）");
        assertThat(limits.problem(new BigDecimal("0.0001"), STARTED)).startsWith("应为整数：0.0001");
        assertThat(limits.problem(new BigDecimal("1.00001"), STARTED)).as("not 最多 4 位小数: no decimal is right")
                .startsWith("应为整数：1.00001");
        assertThat(limits.problem(new BigDecimal("12.000"), STARTED)).as("a whole number written with zeros").isNull();
        assertThat(limits.problem(new BigDecimal("12"), STARTED)).isNull();
        assertThat(limits.problem(new BigDecimal("1.5"), INVESTMENT)).isNull();
        assertThat(limits.problem(new BigDecimal("1234.5678"), INVESTMENT)).isNull();

        org.anju.indicator.Measure households = new org.anju.indicator.Measure("HOUSEHOLD", "户", java.util.List.of("户"), true, 30);
        org.anju.indicator.Measure area = new org.anju.indicator.Measure("AREA_10K_M2", "万平方米", java.util.List.of(), false, 60);
        assertThat(limits.problem(new BigDecimal("2.5"), households)).startsWith("应为整数：2.5（按户计数");
        assertThat(limits.problem(new BigDecimal("2.5"), area)).isNull();
        assertThat(limits.problem(new BigDecimal("2000000"), households))
                .isEqualTo("不合理：2000000（应为不超过 1000000 户的整数；请核对数值和单位）");
    }

    /** Through Spring's binder, as an operator writes it: an indicator code in brackets keeps its dots. */
    @Test
    void configurationIsBoundOrRefusedNeverIgnored() {
        org.springframework.core.env.StandardEnvironment env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", Map.of(
                "anju.figures.maxima.UNIT", "50000",
                "anju.figures.maxima[AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K]", "2000000")));
        FigureLimits bound = new FigureLimits(env);
        assertThat(bound.max(STARTED)).isEqualByComparingTo("50000");
        assertThat(bound.max(INVESTMENT)).isEqualByComparingTo("2000000");

        org.springframework.core.env.StandardEnvironment wrong = new org.springframework.core.env.StandardEnvironment();
        wrong.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", Map.of(
                "anju.figures.maxima.unit", "50000")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FigureLimits(wrong))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("配置 anju.figures.maxima 的键 unit 不是计量单位代码");
        org.springframework.core.env.StandardEnvironment negative = new org.springframework.core.env.StandardEnvironment();
        negative.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", Map.of(
                "anju.figures.maxima.UNIT", "-5")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FigureLimits(negative))
                .hasMessage("配置 anju.figures.maxima 的 UNIT 应为正数：-5");
    }
}
