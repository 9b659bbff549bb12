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
        assertThat(defaults.problem(new BigDecimal("1000000"), defaults.max(STARTED), "套")).isNull();
        assertThat(defaults.problem(new BigDecimal("1000001"), defaults.max(STARTED), "套"))
                .isEqualTo("不合理：1000001（应不超过 1000000 套，最多 4 位小数；请核对数值和单位）");
        assertThat(defaults.problem(new BigDecimal("12.34567"), defaults.max(STARTED), "套")).contains("最多 4 位小数");
        assertThat(defaults.problem(new BigDecimal("1e131071"), defaults.max(STARTED), "套"))
                .startsWith("不合理：1E+131071（应不超过");

        FigureLimits configured = new FigureLimits(Map.of("UNIT", new BigDecimal("50000"),
                "AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K", new BigDecimal("2000000")));
        assertThat(configured.max(STARTED)).isEqualByComparingTo("50000");
        assertThat(configured.max(INVESTMENT)).as("the indicator's own entry wins").isEqualByComparingTo("2000000");
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
