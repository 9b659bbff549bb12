package org.anju.plan.imports;

import org.anju.indicator.Indicator;
import org.anju.plan.FigureKind;

import java.math.BigDecimal;
import java.util.List;

/** What a column of figures counts, as read from its header and the lines around the table, or answered by the user. */
sealed interface ColumnMeaning {

    /**
     * Its figures count this indicator for this year as this kind of figure.
     *
     * @param year   null for a 合计 column over a multi-year table's years
     * @param factor a printed figure × factor is in the indicator's measure (10000 under 万户)
     * @param basis  how each part was told, for the preview: 表头「开工」、单位行「单位：套」、表名「2023年…」
     */
    record Counted(Indicator indicator, Integer year, FigureKind kind, BigDecimal factor, List<String> basis)
            implements ColumnMeaning {
        public Counted {
            basis = List.copyOf(new java.util.LinkedHashSet<>(basis));
        }
    }

    /** Not imported: a 序号, a text column, or the user's answer. */
    record Ignored(String reason) implements ColumnMeaning {
    }

    /**
     * Not certain: the import asks instead of guessing.
     *
     * @param question what is not known, in Chinese, naming the option that answers it
     * @param options  the answers that fit what is printed (an indicator code with kind and year), best first
     */
    record Open(String question, List<Option> options) implements ColumnMeaning {
        public Open {
            options = List.copyOf(options);
        }
    }

    /**
     * A rate column whose measure only the columns beside it tell (开工率 next to 小区数): settled by
     * {@link ColumnReader#settleRate} once the table's other columns are read.
     */
    record PendingRate(org.anju.indicator.Program program, org.anju.indicator.Stage stage, Integer year,
                       List<String> basis, String header, List<Option> options) implements ColumnMeaning {
    }

    /** One answer to an open column: {@code value} as a user would type it after "=", and its label. */
    record Option(String value, String label) {
    }
}
