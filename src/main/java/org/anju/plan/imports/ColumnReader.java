package org.anju.plan.imports;

import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.indicator.Program;
import org.anju.indicator.Stage;
import org.anju.plan.FigureKind;
import org.anju.plan.imports.ColumnMeaning.Counted;
import org.anju.plan.imports.ColumnMeaning.Open;
import org.anju.plan.imports.ColumnMeaning.Option;
import org.anju.plan.imports.Units.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a column of figures counts — program, stage, measure (with the factor of a printed 万), year and
 * kind (target, actual, rate) — from its header cells, then the table's title, 单位 line and period line, then
 * the nearest running text, then what the user stated. Each part is taken only where exactly one answer is
 * printed; where none or several are, the column is {@link Open} with the answers that fit, never defaulted.
 */
final class ColumnReader {

    enum TableKind { PLAN, PROGRESS, UNKNOWN }

    /** What the user stated for the whole import (null where nothing). */
    /** @param yearBasis where the year comes from, as the preview names it (指定的年度, 计划「…」的年度) */
    record Stated(Integer year, String yearBasis, String programCode, String stageCode) {
        static final Stated NOTHING = new Stated(null, null, null, null);
    }

    /** What a table says about all its columns. */
    record Sense(TableKind kind, String kindBasis, String title, String unitLine, String periodLine,
                 List<String> context, String documentTitle, Integer periodYear) {
    }

    private static final Pattern RATE = Pattern.compile("率|%|百分比|占比|比例");
    private static final Pattern TARGET = Pattern.compile("计划|任务|目标|下达");
    private static final Pattern ACTUAL = Pattern.compile("完成|已|实际|累计|实施|开工数|开工量|建成数|竣工数|到位|支出|拨付");
    private static final Pattern PROGRESS_TITLE = Pattern.compile(
            "进展|进度|截至|截止|月末|月底|通报|排名|情况|\\d{1,2}(?:-|—|–|~|－|至)+\\d{1,2}月");
    private static final Pattern PLAN_TITLE = Pattern.compile("分解|计划|任务|目标|下达|安排");
    /** 开工率, 完成率 …: a column only a progress table has (分配比例, 占比 may stand in a plan). */
    private static final Pattern STAGE_RATE = Pattern.compile("(开工|完成|建成|完工|发放|拨付|支出|到位|录入|入住|分配)率");
    private static final Pattern PROGRESS_TEXT = Pattern.compile("截至|截止|已开工|已完成|开工率|完成投资|月份");
    static final Pattern YEAR_CELL = Pattern.compile("(\\d{4})年度?");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    /** Stages a plan hands down as targets; the others (完成投资, 到位资金 …) are only ever reported. */
    private static final Set<String> TARGET_STAGES = Set.of("START", "BASIC_COMPLETION", "COMPLETION", "ISSUE",
            "PLANNED_INVESTMENT", "PRELIMINARY_WORK");

    private final Indicators indicators;
    private final Stated stated;

    ColumnReader(Indicators indicators, Stated stated) {
        this.indicators = indicators;
        this.stated = stated;
    }

    // ---- the table -------------------------------------------------------------------------------

    static Sense sense(RawTable raw, String documentTitle, List<List<String>> headerPaths, Integer periodYear) {
        String title = raw.title() == null ? "" : Text.compact(raw.title());
        String period = raw.periodLine() == null ? "" : Text.compact(raw.periodLine());
        boolean rateColumn = headerPaths.stream().anyMatch(p -> p.stream()
                .anyMatch(h -> STAGE_RATE.matcher(Text.compact(h)).find()));
        TableKind kind;
        String basis;
        if (!period.isEmpty()) {
            kind = TableKind.PROGRESS;
            basis = "截止时间「" + raw.periodLine().strip() + "」";
        } else if (PROGRESS_TITLE.matcher(title).find() && !PLAN_TITLE.matcher(title).find()) {
            kind = TableKind.PROGRESS;
            basis = "表名「" + raw.title() + "」";
        } else if (rateColumn) {
            kind = TableKind.PROGRESS;
            basis = "表中有完成率列";
        } else if (PLAN_TITLE.matcher(title).find() && !PROGRESS_TITLE.matcher(title).find()) {
            kind = TableKind.PLAN;
            basis = "表名「" + raw.title() + "」";
        } else {
            kind = TableKind.UNKNOWN;
            basis = null;
            List<String> nearest = nearestFirst(raw.context());
            if (!nearest.isEmpty()) {
                String text = Text.compact(nearest.getFirst());
                boolean progress = PROGRESS_TEXT.matcher(text).find();
                boolean plan = PLAN_TITLE.matcher(text).find();
                if (progress != plan) {
                    kind = progress ? TableKind.PROGRESS : TableKind.PLAN;
                    basis = "正文「" + excerpt(nearest.getFirst()) + "」";
                }
            }
        }
        return new Sense(kind, basis, raw.title(), raw.unitLine(), raw.periodLine(), nearestFirst(raw.context()),
                documentTitle, periodYear);
    }

    private static List<String> nearestFirst(List<String> context) {
        List<String> list = new ArrayList<>(context);
        java.util.Collections.reverse(list);
        return list;
    }

    private static String excerpt(String s) {
        String t = s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    // ---- one column ------------------------------------------------------------------------------

    /** A part of the meaning: the value found (null if none), the basis, or the candidates when several fit. */
    private record Part<T>(T value, String basis, List<T> candidates) {
        static <T> Part<T> of(T value, String basis) {
            return new Part<>(value, basis, List.of(value));
        }

        static <T> Part<T> open(List<T> candidates) {
            return new Part<>(null, null, List.copyOf(candidates));
        }

        boolean known() {
            return value != null;
        }
    }

    /**
     * @param path  the column's header cells top to bottom, year cells and 合计 cells of a multi-year table removed
     * @param year  the year a header cell printed, else null
     * @param periodColumn a 合计 column over the years of a multi-year table (its year stays null)
     */
    ColumnMeaning read(List<String> path, Integer year, boolean periodColumn, Sense sense, ColumnAnswer answer,
                       Stage groupStage) {
        if (answer != null && answer.ignore()) {
            return new ColumnMeaning.Ignored("按指定不导入");
        }
        List<String> basis = new ArrayList<>();
        String header = String.join("·", path);

        Part<FigureKind> kind = kind(path, sense);
        Part<Program> program = program(path, sense);
        Part<Integer> theYear = periodColumn ? Part.of(0, "合计列") : year(year, sense);
        if (answer != null) {
            Indicator i = indicators.byCode(answer.indicatorCode()).orElse(null);
            if (i == null) {
                return new Open("指定的指标「" + answer.indicatorCode() + "」不存在", options(header, program, Part.open(List.of()),
                        kind, theYear, sense));
            }
            FigureKind k = answer.kind() != null ? answer.kind() : kind.value();
            Integer y = answer.year() != null ? answer.year() : periodColumn ? null : theYear.value();
            if (k == null) {
                return new Open("「" + header + "」：请指定是目标任务（TARGET）、完成数（ACTUAL）还是完成率（RATE）",
                        kindOptions(i.code(), y));
            }
            if (y == null && !periodColumn) {
                return new Open("「" + header + "」：无法确定年度，请在导入页“年度”中填写（命令行 --years），或在答案中写年度（如 "
                        + ColumnAnswer.format(i.code(), k, 2023) + "）", List.of());
            }
            basis.add("按指定：" + ColumnAnswer.format(i.code(), k, y));
            if (k == FigureKind.RATE) {
                return new Counted(i, y, k, BigDecimal.ONE, basis);
            }
            Unit unit;
            if (answer.unit() != null) {
                unit = Units.inUnitLine(answer.unit()).stream().filter(u -> u.measure().equals(i.measureCode()))
                        .findFirst().orElse(null);
                if (unit == null) {
                    return new Open("「" + header + "」：指定的单位「" + answer.unit() + "」不是" + i.measureName() + "的单位",
                            unitOptions(i, k, y));
                }
            } else {
                Part<Unit> read = measure(path, sense, List.of(i.measureCode()), k, i.programName() + i.stageLabel());
                if (!read.known()) {
                    return new Open("「" + header + "」：" + i.measureName() + "的单位（万平方米还是平方米，万元还是元）表中没有写明，"
                            + "请在答案中写明", unitOptions(i, k, y));
                }
                unit = read.value();
                basis.add(read.basis());
            }
            return new Counted(i, y, k, unit.factor(), basis);
        }

        if (!program.known()) {
            return new Open("「" + header + "」：" + (program.candidates().isEmpty()
                    ? "表头、表名和上下文都没有写明工程类别" : "可能是" + names(program.candidates()) + "，无法确定")
                    + "（可在导入页“工程类别”中填写（命令行 --program），或逐列指定）", options(header, program, Part.open(List.of()), kind, theYear, sense));
        }
        basis.add(program.basis());
        Part<Stage> stage = stage(path, sense, program.value(), kind.value(), groupStage);
        if (!stage.known()) {
            return new Open("「" + header + "」：" + (stage.candidates().isEmpty() ? "未写明阶段" : "阶段可能是"
                    + stageNames(stage.candidates())) + "，无法确定（可在导入页“阶段”中填写（命令行 --stage），或逐列指定）",
                    options(header, program, stage, kind, theYear, sense));
        }
        basis.add(stage.basis());
        if (!kind.known()) {
            return new Open("「" + header + "」：无法判断是目标任务还是完成数（表头未写“计划/任务”或“完成/已开工”，"
                    + "表名也看不出是计划表还是进展表）", options(header, program, stage, kind, theYear, sense));
        }
        basis.add(kind.basis());
        if (kind.value() == FigureKind.TARGET && !TARGET_STAGES.contains(stage.value().code())) {
            return new Open("「" + header + "」：" + stage.value().name() + "不是下达的目标任务，只能是完成数",
                    options(header, program, stage, Part.of(FigureKind.ACTUAL, ""), theYear, sense));
        }
        Part<Unit> unit = measure(path, sense, program.value(), stage.value(), kind.value());
        if (!unit.known() && kind.value() != FigureKind.RATE) {
            List<Option> byUnit = new ArrayList<>();
            Integer y = theYear.known() && !periodColumn ? theYear.value() : null;
            for (Unit u : unit.candidates()) {
                indicators.find(program.value().code(), stage.value().code(), u.measure()).ifPresent(i -> byUnit.add(
                        new Option(ColumnAnswer.format(i.code(), kind.value(), y) + (isCount(u.measure()) ? "" : ":"
                                + u.printed()), i.displayName() + " · " + kind.value().label()
                                + (y == null ? "" : " · " + y + "年") + (isCount(u.measure()) ? "" : " · 以" + u.printed()
                                + "为单位"))));
            }
            return new Open("「" + header + "」：" + (unit.candidates().isEmpty() ? "未写明计量单位"
                    : "计量单位可能是" + unitNames(unit.candidates()) + "，无法确定") + "（请逐列指定）",
                    byUnit.isEmpty() ? options(header, program, stage, kind, theYear, sense) : byUnit);
        }
        if (!theYear.known()) {
            return new Open("「" + header + "」：表头、表名和上下文都没有写明年度（或写了多个），请用 --year 指定",
                    options(header, program, stage, kind, theYear, sense));
        }
        if (!periodColumn) {
            basis.add(theYear.basis());
        }
        if (unit.known()) {
            basis.add(unit.basis());
            Indicator indicator = indicators.find(program.value().code(), stage.value().code(), unit.value().measure())
                    .orElse(null);
            if (indicator == null) {
                return new Open("「" + header + "」：没有指标「" + program.value().name() + "·" + stage.value().name() + "·"
                        + unit.value().printed() + "」（可在指标管理中新增，或指定其他指标）",
                        options(header, program, stage, kind, theYear, sense));
            }
            return new Counted(indicator, periodColumn ? null : theYear.value(), kind.value(),
                    kind.value() == FigureKind.RATE ? BigDecimal.ONE : unit.value().factor(), basis);
        }
        // a rate whose measure only its neighbours tell: settled by settleRates
        return new ColumnMeaning.PendingRate(program.value(), stage.value(), periodColumn ? null : theYear.value(), basis, header,
                options(header, program, stage, kind, theYear, sense));
    }

    /** A rate's measure is that of the actual and target columns of its stage beside it (开工率 under 小区数). */
    ColumnMeaning settleRate(ColumnMeaning.PendingRate rate, List<ColumnMeaning> siblings) {
        Set<String> measures = new LinkedHashSet<>();
        for (ColumnMeaning m : siblings) {
            if (m instanceof Counted c && c.kind() != FigureKind.RATE
                    && c.indicator().programCode().equals(rate.program().code())
                    && c.indicator().stageCode().equals(rate.stage().code()) && Objects.equals(c.year(), rate.year())) {
                measures.add(c.indicator().measureCode());
            }
        }
        if (measures.size() == 1) {
            Indicator i = indicators.find(rate.program().code(), rate.stage().code(), measures.iterator().next()).orElse(null);
            if (i != null) {
                List<String> basis = new ArrayList<>(rate.basis());
                basis.add("计量单位同旁列（" + i.measureName() + "）");
                return new Counted(i, rate.year(), FigureKind.RATE, BigDecimal.ONE, basis);
            }
        }
        List<Indicator> all = indicators.ofProgram(rate.program().code()).stream()
                .filter(i -> i.stageCode().equals(rate.stage().code())).toList();
        if (all.size() == 1) {
            return new Counted(all.getFirst(), rate.year(), FigureKind.RATE, BigDecimal.ONE, rate.basis());
        }
        return new Open("「" + rate.header() + "」：是按哪种计量单位计算的完成率，无法确定", rate.options());
    }

    // ---- the parts -------------------------------------------------------------------------------

    /**
     * Target, actual or rate, from every header cell: 率 or % anywhere makes a rate; 计划/任务 and 完成/已 in different
     * cells ("2023年计划任务" over "开工数") contradict each other and are asked. Without such words, the table's
     * kind (计划表 / 进展表) tells.
     */
    private Part<FigureKind> kind(List<String> path, Sense sense) {
        String target = null;
        String actual = null;
        for (int k = path.size() - 1; k >= 0; k--) {
            String h = Text.compact(path.get(k));
            if (RATE.matcher(h).find()) {
                return Part.of(FigureKind.RATE, "「" + path.get(k) + "」为完成率");
            }
            if (TARGET.matcher(h).find()) {
                target = target == null ? path.get(k) : target;
            } else if (ACTUAL.matcher(h).find()) {
                actual = actual == null ? path.get(k) : actual;
            }
        }
        if (target != null && actual != null) {
            return Part.open(List.of(FigureKind.TARGET, FigureKind.ACTUAL));
        }
        if (target != null) {
            return Part.of(FigureKind.TARGET, "「" + target + "」为目标任务");
        }
        if (actual != null) {
            return Part.of(FigureKind.ACTUAL, "「" + actual + "」为完成数");
        }
        return switch (sense.kind()) {
            case PLAN -> Part.of(FigureKind.TARGET, "计划表（" + sense.kindBasis() + "）");
            case PROGRESS -> Part.of(FigureKind.ACTUAL, "进展表（" + sense.kindBasis() + "）");
            case UNKNOWN -> Part.open(List.of(FigureKind.TARGET, FigureKind.ACTUAL));
        };
    }

    private Part<Program> program(List<String> path, Sense sense) {
        for (int k = path.size() - 1; k >= 0; k--) {
            List<Program> found = indicators.programsIn(path.get(k));
            if (found.size() == 1) {
                return Part.of(found.getFirst(), "表头「" + path.get(k) + "」");
            }
            if (found.size() > 1) {
                return Part.open(found);
            }
        }
        List<Program> inTitle = indicators.programsIn(sense.title());
        if (inTitle.size() == 1) {
            return Part.of(inTitle.getFirst(), "表名「" + sense.title() + "」");
        }
        if (inTitle.size() > 1) {
            return statedProgram(inTitle);
        }
        for (String line : sense.context()) {
            List<Program> found = indicators.programsIn(line);
            if (found.size() == 1) {
                return Part.of(found.getFirst(), "正文「" + excerpt(line) + "」");
            }
            if (found.size() > 1) {
                return statedProgram(found);
            }
        }
        List<Program> inDocument = indicators.programsIn(sense.documentTitle());
        if (inDocument.size() == 1 && !inDocument.getFirst().code().equals("HOUSING")) {
            return Part.of(inDocument.getFirst(), "文件标题「" + sense.documentTitle() + "」");
        }
        return statedProgram(List.of());
    }

    private Part<Program> statedProgram(List<Program> candidates) {
        if (stated.programCode() != null) {
            Program p = indicators.program(stated.programCode()).orElse(null);
            if (p != null && (candidates.isEmpty() || candidates.contains(p))) {
                return Part.of(p, "按指定 --program " + p.code());
            }
        }
        return Part.open(candidates);
    }

    private Part<Stage> stage(List<String> path, Sense sense, Program program, FigureKind kind, Stage groupStage) {
        List<Stage> possible = indicators.ofProgram(program.code()).stream()
                .filter(i -> kind != FigureKind.TARGET || TARGET_STAGES.contains(i.stageCode()))
                .map(Indicator::stageCode).distinct()
                .map(code -> indicators.stages().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow())
                .toList();
        for (int k = path.size() - 1; k >= 0; k--) {
            List<Stage> found = indicators.stagesIn(path.get(k));
            if (found.size() == 1) {
                return Part.of(found.getFirst(), "表头「" + path.get(k) + "」");
            }
            if (found.size() > 1) {
                return statedStage(found);
            }
        }
        if (groupStage != null && possible.contains(groupStage)) {
            return Part.of(groupStage, "同组其他列为" + groupStage.name());
        }
        List<Stage> inTitle = indicators.stagesIn(sense.title());
        if (inTitle.size() == 1) {
            return Part.of(inTitle.getFirst(), "表名「" + sense.title() + "」");
        }
        if (inTitle.isEmpty() && possible.size() == 1) {
            return Part.of(possible.getFirst(), program.name() + "只有" + possible.getFirst().name() + "一个阶段");
        }
        return statedStage(inTitle.isEmpty() ? possible : inTitle);
    }

    private Part<Stage> statedStage(List<Stage> candidates) {
        if (stated.stageCode() != null) {
            Stage s = indicators.stages().stream().filter(x -> x.code().equals(stated.stageCode())).findFirst().orElse(null);
            if (s != null && (candidates.isEmpty() || candidates.contains(s))) {
                return Part.of(s, "按指定 --stage " + s.code());
            }
        }
        return Part.open(candidates);
    }

    /** The measures this program's stage is counted in. */
    private List<String> measuresOf(Program program, Stage stage) {
        return indicators.ofProgram(program.code()).stream().filter(i -> i.stageCode().equals(stage.code()))
                .map(Indicator::measureCode).distinct().toList();
    }

    /**
     * The measure and the factor of a printed figure: a unit the header prints (户数（万户）, 开工（套）) — checked
     * against the 单位 line —, else a word naming the measure (户数, 小区数) with the 单位 line's unit for it (单位：万户)
     * or, for a count, its own; else the 单位 line's one unit that fits the program's stage; else the stage's only
     * measure when it is a count. An area or an amount whose unit is printed nowhere (面积, 完成投资) is asked.
     */
    private Part<Unit> measure(List<String> path, Sense sense, Program program, Stage stage, FigureKind kind) {
        return measure(path, sense, measuresOf(program, stage), kind, program.name() + stage.name());
    }

    /** @param valid the measures the column may count in; @param what the program and stage, for the basis text */
    private Part<Unit> measure(List<String> path, Sense sense, List<String> valid, FigureKind kind, String what) {
        Unit named = null;
        String namedIn = null;
        for (int k = path.size() - 1; k >= 0; k--) {
            List<Unit> printed = fitting(Units.printed(path.get(k)), valid);
            if (!printed.isEmpty()) {
                Unit u = single(printed);
                if (u == null) {
                    return Part.open(printed);
                }
                Unit inLine = fromUnitLine(sense, u.measure());
                if (inLine != null && inLine.factor().compareTo(u.factor()) != 0 && kind != FigureKind.RATE) {
                    return Part.open(List.of(u, inLine));   // 表头（户） against 单位：万户
                }
                return Part.of(u, "表头「" + path.get(k) + "」→" + u.printed());
            }
            if (named == null) {
                // 小区 in 城镇老旧小区改造项目 names the program, not the measure
                List<Unit> words = fitting(Units.named(withoutProgramNames(path.get(k))), valid);
                if (words.size() > 1) {
                    return Part.open(words);
                }
                if (words.size() == 1) {
                    named = words.getFirst();
                    namedIn = path.get(k);
                }
            }
        }
        if (kind == FigureKind.RATE) {
            return named == null ? Part.open(List.of()) : Part.of(named, "表头「" + namedIn + "」");
        }
        if (named != null) {
            Unit inLine = fromUnitLine(sense, named.measure());
            if (inLine != null) {
                return Part.of(inLine, "表头「" + namedIn + "」；单位行「" + sense.unitLine() + "」→" + inLine.printed());
            }
            if (named.factor() != null && isCount(named.measure())) {
                return Part.of(named, "表头「" + namedIn + "」→" + named.printed());
            }
            return Part.open(unitChoices(named.measure()));
        }
        List<Unit> inLine = fitting(Units.inUnitLine(sense.unitLine()), valid);
        if (inLine.size() == 1) {
            return Part.of(inLine.getFirst(), "单位行「" + sense.unitLine() + "」");
        }
        if (inLine.size() > 1) {
            return Part.open(inLine);
        }
        List<Unit> inTitle = fitting(Units.printed(sense.title()), valid);
        if (inTitle.size() == 1 && Text.compact(sense.title()).contains("单位")) {
            return Part.of(inTitle.getFirst(), "表名「" + sense.title() + "」");
        }
        if (valid.size() == 1 && isCount(valid.getFirst()) && Units.inUnitLine(sense.unitLine()).isEmpty()) {
            Unit only = new Unit(valid.getFirst(), BigDecimal.ONE, measureName(valid.getFirst()));
            return Part.of(only, what + "只按" + only.printed() + "计");
        }
        if (valid.size() == 1) {
            return Part.open(unitChoices(valid.getFirst()));
        }
        return Part.open(valid.stream().map(m -> new Unit(m, BigDecimal.ONE, measureName(m))).toList());
    }

    /** Counts (套, 户, 个, 栋) are printed in their own unit unless a 万 says otherwise; areas and amounts are not. */
    private boolean isCount(String measure) {
        return indicators.measures().stream().anyMatch(m -> m.code().equals(measure) && m.exact());
    }

    /** The units an area or amount may be printed in, to ask which. */
    private static List<Unit> unitChoices(String measure) {
        return switch (measure) {
            case "AREA_10K_M2" -> List.of(new Unit(measure, BigDecimal.ONE, "万平方米"),
                    new Unit(measure, new BigDecimal("0.0001"), "平方米"));
            case "YUAN_10K" -> List.of(new Unit(measure, BigDecimal.ONE, "万元"),
                    new Unit(measure, new BigDecimal("10000"), "亿元"), new Unit(measure, new BigDecimal("0.0001"), "元"));
            default -> List.of(new Unit(measure, BigDecimal.ONE, measure));
        };
    }

    private String withoutProgramNames(String text) {
        String t = Text.compact(text);
        List<String> aliases = indicators.programs().stream().flatMap(p -> p.aliases().stream()).map(Text::compact)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String alias : aliases) {
            t = t.replace(alias, "");
        }
        return t;
    }

    private Unit fromUnitLine(Sense sense, String measure) {
        List<Unit> inLine = Units.inUnitLine(sense.unitLine()).stream().filter(u -> u.measure().equals(measure)).toList();
        return inLine.size() == 1 ? inLine.getFirst() : null;
    }

    /** The units a program's stage can be counted in; of one measure printed twice (户数（万户）) the scaled one. */
    private static List<Unit> fitting(List<Unit> units, List<String> valid) {
        List<Unit> fit = new ArrayList<>();
        for (Unit u : units) {
            if (!valid.contains(u.measure())) {
                continue;
            }
            Unit same = fit.stream().filter(x -> x.measure().equals(u.measure())).findFirst().orElse(null);
            if (same == null) {
                fit.add(u);
            } else if (same.factor() != null && u.factor() != null && same.factor().compareTo(BigDecimal.ONE) == 0) {
                fit.set(fit.indexOf(same), u);
            }
        }
        return fit;
    }

    private static Unit single(List<Unit> units) {
        return units.size() == 1 ? units.getFirst() : null;
    }

    private Part<Integer> year(Integer printed, Sense sense) {
        if (printed != null) {
            return Part.of(printed, "表头「" + printed + "年」");
        }
        Integer inTitle = titleYear(sense.title());
        if (inTitle != null) {
            return Part.of(inTitle, "表名「" + sense.title() + "」");
        }
        if (!years(sense.title()).isEmpty()) {
            return statedYear();    // 2021—2025年, or two years: which one is not printed
        }
        if (sense.periodYear() != null) {
            return Part.of(sense.periodYear(), "截止时间 " + sense.periodYear() + " 年");
        }
        for (String line : sense.context()) {
            Set<Integer> years = years(line);
            if (years.size() == 1) {
                return Part.of(years.iterator().next(), "正文「" + excerpt(line) + "」");
            }
            if (years.size() > 1) {
                break;
            }
        }
        Integer inDocument = titleYear(sense.documentTitle());
        if (inDocument != null) {
            return Part.of(inDocument, "文件标题「" + sense.documentTitle() + "」");
        }
        return statedYear();
    }

    private Part<Integer> statedYear() {
        return stated.year() != null ? Part.of(stated.year(), stated.yearBasis()) : Part.open(List.of());
    }

    private static final Pattern BRACKETED = Pattern.compile("[(（\\[][^)）\\]]*[)）\\]]");
    private static final Pattern YEAR_RANGE = Pattern.compile("(19|20)\\d{2}\\s*(年)?\\s*(-|—|–|~|－|至|到)+\\s*(19|20)\\d{2}");

    /**
     * The one year a title names — "2023年城镇老旧小区改造完成任务数 (2022年申报计划任务)" is 2023, the bracket
     * explaining it —, or null when it names none, a range (2021—2025年) or several.
     */
    static Integer titleYear(String title) {
        if (title == null) {
            return null;
        }
        String t = BRACKETED.matcher(Text.compact(title)).replaceAll("");
        if (YEAR_RANGE.matcher(t).find()) {
            return null;
        }
        Set<Integer> years = years(t);
        return years.size() == 1 ? years.iterator().next() : null;
    }

    private static Set<Integer> years(String s) {
        Set<Integer> years = new LinkedHashSet<>();
        if (s != null) {
            Matcher m = YEAR.matcher(Text.compact(s));
            while (m.find()) {
                years.add(Integer.parseInt(m.group(1)));
            }
        }
        return years;
    }

    private static List<Option> unitOptions(Indicator i, FigureKind k, Integer y) {
        return unitChoices(i.measureCode()).stream().map(u -> new Option(ColumnAnswer.format(i.code(), k, y) + ":"
                + u.printed(), i.displayName() + " · " + k.label() + (y == null ? "" : " · " + y + "年") + " · 以"
                + u.printed() + "为单位")).toList();
    }

    // ---- questions -------------------------------------------------------------------------------

    /** The answers that fit what is known: indicators of the candidate programs and stages, with the candidate kinds. */
    private List<Option> options(String header, Part<Program> program, Part<Stage> stage, Part<FigureKind> kind,
                                 Part<Integer> year, Sense sense) {
        List<Program> programs = program.known() ? List.of(program.value())
                : program.candidates().isEmpty() ? indicators.programs().stream()
                .filter(p -> !p.code().equals("HOUSING")).toList() : program.candidates();
        List<FigureKind> kinds = kind.known() ? List.of(kind.value()) : List.of(FigureKind.TARGET, FigureKind.ACTUAL);
        Integer y = year.known() && year.value() != 0 ? year.value() : null;
        List<Option> options = new ArrayList<>();
        for (Program p : programs) {
            for (Indicator i : indicators.ofProgram(p.code())) {
                if (stage.known() && !i.stageCode().equals(stage.value().code())) {
                    continue;
                }
                if (!stage.known() && !stage.candidates().isEmpty()
                        && stage.candidates().stream().noneMatch(s -> s.code().equals(i.stageCode()))) {
                    continue;
                }
                for (FigureKind k : kinds) {
                    if (k == FigureKind.TARGET && !TARGET_STAGES.contains(i.stageCode())) {
                        continue;
                    }
                    options.add(new Option(ColumnAnswer.format(i.code(), k, y),
                            i.displayName() + " · " + k.label() + (y == null ? "" : " · " + y + "年")));
                }
            }
        }
        return options.size() > 40 ? options.subList(0, 40) : options;
    }

    private static List<Option> kindOptions(String code, Integer year) {
        List<Option> options = new ArrayList<>();
        for (FigureKind k : FigureKind.values()) {
            options.add(new Option(ColumnAnswer.format(code, k, year), k.label()));
        }
        return options;
    }

    private String names(List<Program> programs) {
        return String.join("或", programs.stream().map(Program::name).toList());
    }

    private static String stageNames(List<Stage> stages) {
        return String.join("或", stages.stream().map(Stage::name).toList());
    }

    private static String unitNames(List<Unit> units) {
        return String.join("或", units.stream().map(Unit::printed).toList());
    }

    private String measureName(String code) {
        return indicators.measures().stream().filter(m -> m.code().equals(code)).map(m -> m.name())
                .findFirst().orElse(code);
    }
}
