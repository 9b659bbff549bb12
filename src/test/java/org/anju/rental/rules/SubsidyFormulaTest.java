package org.anju.rental.rules;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OPERATIONS.md §11 scenarios 21–23: three cities' subsidy formulas as data. */
class SubsidyFormulaTest {

    static SubsidyFormula formula(String city) throws IOException {
        try (InputStream in = SubsidyFormulaTest.class.getResourceAsStream("/rental/subsidy/" + city + ".tsv")) {
            return SubsidyFormula.parse(city + ".tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0} {1}-person {2}, own {3} m², rent {4} → {5}")
    @CsvSource({
            // 重庆渝中: 23 × (standard − own per person) × persons × coefficient, area ≤ 60, ≤ rent
            "500103, 1, 低保, 0, 2000, 460.00",
            "500103, 3, 低收入, 15, 2000, 552.00",
            "500103, 4, 低保, 0, 2000, 1380.00",
            "500103, 5, 低保, 0, 2000, 1380.00",
            "500103, 4, 低保, 0, 500, 500.00",
            // 汕头: 15 × (15 − own per person) × people factor × group coefficient
            "440500, 1, 低保, 0, , 540.00",
            "440500, 2, 优抚, 10, , 562.50",
            "440500, 6, 其他, 0, , 1125.00",
            // 顺德: 12 × (family standard − own), ≤ rent
            "440606, 3, 低收入, 0, 2000, 720.00",
            "440606, 3, 低收入, 0, 500, 500.00",
    })
    void theMonthlyAmountIsTheCitysFormula(String city, int size, String tier, String own, String rent, String expected)
            throws IOException {
        SubsidyFormula.Amount a = formula(city).monthly(size, tier, new BigDecimal(own),
                rent == null ? null : new BigDecimal(rent));
        assertThat(a.monthly()).isEqualByComparingTo(expected);
        assertThat(a.monthly().scale()).isEqualTo(2);
    }

    @Test
    void theCapsAreShownWithTheAmount() throws IOException {
        SubsidyFormula.Amount five = formula("500103").monthly(5, "低保", BigDecimal.ZERO, new BigDecimal("2000"));
        assertThat(five.areaCapped()).isTrue();
        assertThat(five.area()).isEqualByComparingTo("60");
        SubsidyFormula.Amount rent = formula("440606").monthly(3, "低收入", BigDecimal.ZERO, new BigDecimal("500"));
        assertThat(rent.rentCapped()).isTrue();
        assertThat(rent.area()).isEqualByComparingTo("60");
    }

    @Test
    void whatTheTableDoesNotListIsRefusedNotGuessed() throws IOException {
        assertThatThrownBy(() -> formula("440500").monthly(2, "低收入", BigDecimal.ZERO, null))
                .isInstanceOf(BadInput.class)
                .hasMessage("汕头市住房租赁补贴的补贴系数没有“低收入”这一档：可用的有 低保、特困、优抚、见义勇为、其他");
        assertThatThrownBy(() -> formula("500103").monthly(2, "低保", BigDecimal.ZERO, null))
                .isInstanceOf(BadInput.class).hasMessage("重庆市渝中区公租房租赁补贴规定补贴不超过实际租金：请填写租赁合同的月租金");
        assertThatThrownBy(() -> SubsidyFormula.parse("x.tsv", "城市\t1\n名称\tx\n来源\tx\n方式\t按人\n标准\t*\t十五\n"))
                .isInstanceOf(BadInput.class).hasMessage("x.tsv 第 5 行：第 3 列“十五”不是数值");
        String head = "城市\t1\n名称\tx\n来源\tx\n方式\t按人\n标准\t*\t15\n面积\t1+\t15\n";
        assertThatThrownBy(() -> SubsidyFormula.parse("x.tsv", head + "面积上限\t六十\n"))
                .isInstanceOf(BadInput.class).hasMessage("x.tsv：面积上限“六十”不是数值（平方米）");
        assertThatThrownBy(() -> SubsidyFormula.parse("x.tsv", head + "不超过租金\t不超过\n"))
                .isInstanceOf(BadInput.class).hasMessage("x.tsv：不超过租金应为“是”或“否”，不是“不超过”");
    }
}
