package org.anju.plan.imports;

import org.anju.plan.FigureKind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The user's answer for a column, as typed after "=": {@code ignore} (不导入), or an indicator code with, in any
 * order after it, the kind, the year and the unit the figures are printed in: {@code OLD_COMMUNITY.START.HOUSEHOLD},
 * {@code …:TARGET:2024}, {@code …:完成:2023}, {@code OLD_COMMUNITY.START.AREA_10K_M2:万平方米}. Parts not given are
 * read from the table as usual (and asked again if still uncertain).
 */
record ColumnAnswer(boolean ignore, String indicatorCode, FigureKind kind, Integer year, String unit) {

    private static final Pattern CODE = Pattern.compile("[A-Z_]+\\.[A-Z_]+\\.[A-Z_0-9]+");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

    /** @throws IllegalArgumentException with a Chinese message naming what is wrong */
    static ColumnAnswer parse(String text) {
        String t = Text.compact(text);
        if (t.isEmpty()) {
            throw new org.anju.platform.BadInput("答案为空（应为 ignore 或指标代码，如 OLD_COMMUNITY.START.HOUSEHOLD）");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("ignore") || t.equals("不导入") || t.equals("忽略")) {
            return new ColumnAnswer(true, null, null, null, null);
        }
        String[] parts = t.split("[:：,，]");
        String code = parts[0].toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new org.anju.platform.BadInput("「" + parts[0] + "」不是指标代码（应如 OLD_COMMUNITY.START.HOUSEHOLD，或 ignore）");
        }
        FigureKind kind = null;
        Integer year = null;
        String unit = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (YEAR.matcher(p).matches()) {
                year = Integer.parseInt(p);
            } else if (kind(p) != null) {
                kind = kind(p);
            } else if (!Units.inUnitLine(p).isEmpty()) {
                unit = p;
            } else {
                throw new org.anju.platform.BadInput("「" + p + "」既不是年度、数字类型（TARGET/计划、ACTUAL/完成、RATE/比率）"
                        + "也不是单位（如 万平方米、万元）");
            }
        }
        return new ColumnAnswer(false, code, kind, year, unit);
    }

    private static FigureKind kind(String p) {
        return switch (p.toUpperCase(Locale.ROOT)) {
            case "TARGET", "计划", "目标", "任务", "目标任务" -> FigureKind.TARGET;
            case "ACTUAL", "完成", "实际", "完成数" -> FigureKind.ACTUAL;
            case "RATE", "比率", "完成率", "率" -> FigureKind.RATE;
            default -> null;
        };
    }

    /** The answer as typed in the CLI (and as the value of the page's choice). */
    static String format(String indicatorCode, FigureKind kind, Integer year) {
        return indicatorCode + (kind == null ? "" : ":" + kind.name()) + (year == null ? "" : ":" + year);
    }
}
