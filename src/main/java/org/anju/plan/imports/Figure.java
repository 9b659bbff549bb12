package org.anju.plan.imports;

import org.anju.plan.Cell;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a printed figure: blank (no task; also —, /), not published (暂未公布), a non-negative decimal
 * ("1,234.5", full-width digits), a percentage ("97%"), "全部开工" (a rate of at least 100 %), or a reason why
 * it is none of these.
 */
final class Figure {

    sealed interface Parsed {
    }

    record Blank() implements Parsed {
    }

    /** 暂未公布, 暂无: nothing is stored, and the preview says which cells. */
    record NotPublished(String printed) implements Parsed {
    }

    record Value(Cell cell) implements Parsed {
    }

    /** "97%", "101.2%": the percentage (97, 101.2) at its printed precision. */
    record Percent(Cell cell) implements Parsed {
    }

    /** 全部开工, 全部完成: in a rate column, at least 100 %. */
    record AllDone(String printed) implements Parsed {
    }

    record Bad(String reason) implements Parsed {
    }

    private static final Set<String> DASHES = Set.of("-", "—", "–", "——", "--", "/", "／", "、", "－", "\\");
    private static final Set<String> NOT_PUBLISHED = Set.of("暂未公布", "未公布", "暂无", "暂无数据", "无数据", "待定");
    private static final Set<String> ALL_DONE = Set.of("全部开工", "已全部开工", "全部完成", "已全部完成", "全面开工",
            "全部完工", "全部建成");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Figure() {
    }

    static Parsed parse(String raw) {
        String t = Text.compact(raw);
        if (t.isEmpty() || DASHES.contains(t)) {
            return new Blank();
        }
        if (NOT_PUBLISHED.contains(t)) {
            return new NotPublished(Text.trim(raw));
        }
        if (ALL_DONE.contains(t)) {
            return new AllDone(Text.trim(raw));
        }
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1);
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (DECIMAL.matcher(t).matches()) {
            BigDecimal v = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
            if (v.signum() < 0) {
                return new Bad("不能为负数「" + Text.trim(raw) + "」");
            }
            Cell cell = new Cell(v, Math.max(v.scale(), 0));
            return percent ? new Percent(cell) : new Value(cell);
        }
        return new Bad("不是数字「" + Text.trim(raw) + "」");
    }

    /** Whether the cell holds something a column of figures holds (a number, a percentage, a dash, 暂未公布 …). */
    static boolean isFigureLike(String raw) {
        return !(parse(raw) instanceof Bad) || Text.compact(raw).startsWith("-");
    }

    static boolean isNumeric(String raw) {
        return parse(raw) instanceof Value;
    }
}
