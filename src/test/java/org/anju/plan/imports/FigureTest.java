package org.anju.plan.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a printed figure in a plan table is read (fast layer, issue 11). */
class FigureTest {

    /** What a parse is, as text: Blank, NotPublished, AllDone, Value:1234.5, Percent:97, Bad. */
    static String kind(Figure.Parsed p) {
        return switch (p) {
            case Figure.Blank b -> "Blank";
            case Figure.NotPublished n -> "NotPublished";
            case Figure.AllDone a -> "AllDone";
            case Figure.Value v -> "Value:" + v.cell().value().toPlainString() + "@" + v.cell().scale();
            case Figure.Percent c -> "Percent:" + c.cell().value().toPlainString() + "@" + c.cell().scale();
            case Figure.Bad b -> "Bad:" + b.reason();
        };
    }

    @ParameterizedTest(name = "「{0}」 → {1}")
    @CsvSource(delimiter = '|', value = {
            "1234|Value:1234@0",
            "1,234.5|Value:1234.5@1",
            "１２３４|Value:1234@0",          // full-width digits
            "  56.70 |Value:56.70@2",        // the printed precision is kept
            "97%|Percent:97@0",
            "101.2%|Percent:101.2@1",
            "—|Blank",
            "--|Blank",
            "/|Blank",
            "''|Blank",
            "暂未公布|NotPublished",
            "全部开工|AllDone",
            "-5|Bad:不能为负数「-5」",
            "(12)|Bad:不能为负数「(12)」",
            "12套|Bad:不是数字「12套」",
            "1,23|Bad:不是数字「1,23」"})
    void aPrintedFigureIsReadOrRefusedSayingWhy(String raw, String expected) {
        assertThat(kind(Figure.parse(raw))).isEqualTo(expected);
    }
}
