package org.anju.plan.imports;

import org.anju.plan.Cell;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a printed figure: blank (no task), a non-negative decimal, or a reason why it is not one. */
final class Figure {

    sealed interface Parsed {
    }

    record Blank() implements Parsed {
    }

    record Value(Cell cell) implements Parsed {
    }

    record Bad(String reason) implements Parsed {
    }

    private static final Set<String> DASHES = Set.of("-", "—", "–", "——", "--", "/", "／", "、");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Figure() {
    }

    static Parsed parse(String raw) {
        String t = Text.compact(raw);
        if (t.isEmpty() || DASHES.contains(t)) {
            return new Blank();
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (DECIMAL.matcher(t).matches()) {
            BigDecimal v = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
            if (v.signum() < 0) {
                return new Bad("不能为负数「" + Text.trim(raw) + "」");
            }
            return new Value(new Cell(v, Math.max(v.scale(), 0)));
        }
        if (t.endsWith("%")) {
            return new Bad("是百分比「" + Text.trim(raw) + "」，目标任务应填数量");
        }
        return new Bad("不是数字「" + Text.trim(raw) + "」");
    }

    static boolean isNumeric(String raw) {
        return parse(raw) instanceof Value;
    }
}
