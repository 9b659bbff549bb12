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
        // the number itself by the one rule for figures everywhere (org.anju.platform.Numbers)
        return switch (org.anju.platform.Numbers.read(t)) {
            case org.anju.platform.Numbers.Value v -> {
                Cell cell = new Cell(v.value(), Math.max(v.value().scale(), 0));
                yield percent ? new Percent(cell) : new Value(cell);
            }
            case org.anju.platform.Numbers.Bad b when b.reason().startsWith("不能为负数") -> new Bad("不能为负数「" + Text.trim(raw) + "」");
            default -> new Bad("不是数字「" + Text.trim(raw) + "」");
        };
    }

    /** Whether the cell holds something a column of figures holds (a number, a percentage, a dash, 暂未公布 …). */
    static boolean isFigureLike(String raw) {
        return !(parse(raw) instanceof Bad) || Text.compact(raw).startsWith("-");
    }

    static boolean isNumeric(String raw) {
        return parse(raw) instanceof Value;
    }
}
