package org.anju.plan.imports;

import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.indicator.Program;
import org.anju.indicator.Stage;
import org.anju.plan.FigureKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Totals the running text states: "全省2023年度保障性租赁住房筹集（开工）目标任务为165766套（间）",
 * "德州全市计划改造313个小区,涉及1164个楼栋,35305户", "全国新开工改造城镇老旧小区5.13万个、惠及居民851万户".
 * Each figure gets its program and stage from the nearest words before it in its sentence (or the sentence's,
 * or the paragraph's), its measure from its unit (or the word before: 楼栋数20712个), its kind from the
 * sentence (计划/任务/目标 → target; 已/完成/截至/惠及 → actual), its scope from 全省/全市/全国 or the unit the
 * sentence starts with, and its precision from how it is printed (5.13万个 is 51300 ± 50). A figure whose
 * program, stage, measure or kind is not written is left out: a stated total is only checked when its meaning
 * is printed.
 */
final class TextTotals {

    /**
     * A stated figure. {@code scope} is whose total it is: 全省/全市/全国 (the level), "德州全市" (a place and
     * its level), a unit the sentence names before the figure ("其中临沂计划为8296套": 临沂), or null for the issuer.
     * {@code wholePeriod}: "2024年前新开工4.53万套" is the total of a multi-year plan's years, not one year's.
     */
    record Statement(String quote, String printed, String scope, List<String> indicatorCodes, FigureKind kind,
                     Integer year, boolean wholePeriod, BigDecimal value, BigDecimal tolerance) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！？]");
    private static final Pattern NUMBER = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(亿|万)?\\s*(个小区|个老旧小区|个|户|栋|幢|套|间|平方米|平米|㎡|元)");
    private static final Pattern TARGET = Pattern.compile("计划|任务|目标|下达");
    private static final Pattern ACTUAL = Pattern.compile(
            "已|完成|累计|惠及|截至|截止|月份|月底|月末|\\d{1,2}(?:-|—|–|~|－|至)+\\d{1,2}月|占[^,，]{0,8}(?:任务|计划)");
    /** "占发放任务的98%", "占年度目标任务的53.5%": a share of the task, said of an actual — no target word. */
    private static final Pattern SHARE_OF_TASK = Pattern.compile("占[^,，]{0,8}(?:任务|计划)[^,，]*");
    /** A section whose sentences are targets even where they do not say so: 一、目标任务. */
    private static final Pattern TARGET_SECTION = Pattern.compile("^[一二三四五六七八九十]+、(?!.*(进展|完成情况)).*(目标任务|任务)");
    private static final Pattern SECTION = Pattern.compile("^[一二三四五六七八九十]+、");
    private static final Pattern WHOLE = Pattern.compile("全(省|市|县|区|州|盟|国|旗)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern BY_YEAR = Pattern.compile("((?:19|20)\\d{2})年(?:底)?前");
    /** What follows a count that is not of the indicator (1963个项目, 25个批次). */
    private static final Pattern SKIP_AFTER = Pattern.compile("^(项目|批|处|条|家|人|次|个月|年|省|市|县|区|地区|城市|部门|百分点)");
    private static final Set<String> GENERIC_SHANTYTOWN = Set.of("棚户区改造", "棚户区", "棚改", "棚户区住房改造");

    private final Indicators indicators;

    TextTotals(Indicators indicators) {
        this.indicators = indicators;
    }

    /**
     * @param paragraphs the document's running text, a paragraph per entry
     * @param programs   the programs the document's tables count (a bare 棚户区改造 covers both 城市 and 国有工矿
     *                   棚户区 when the tables have both)
     * @param names       the units the tables list, as a sentence may name them
     * @param issuerAndAbove the issuer and the regions above it as a sentence may name them (襄阳市; 山东 in 青岛's
     *                    list)
     * @param statedStage the stage the user stated for tables that print none (改造计划 = 开工), used alike for
     *                    sentences that name none; null when not stated
     * @param documentYear the one year the document's title names (关于下达2023年全市……计划的通知), for sentences that
     *                    name none; null when the title names none or several
     */
    List<Statement> find(List<String> paragraphs, Set<String> programs, Set<String> names, Set<String> issuerAndAbove,
                         Stage statedStage, Integer documentYear) {
        List<String> byLength = names.stream().filter(n -> n.length() >= 2)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        List<String> aboveByLength = issuerAndAbove.stream().filter(n -> n.length() >= 2)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        List<Statement> found = new ArrayList<>();
        FigureKind section = null;
        Program carriedProgram = null;   // the program the text last named carries into the next paragraph ("其中，德州……")
        for (String paragraph : paragraphs) {
            String head = Text.compact(paragraph);
            if (SECTION.matcher(head).find()) {
                section = TARGET_SECTION.matcher(head).find() ? FigureKind.TARGET : null;
                carriedProgram = null;
            }
            Integer paragraphYear = null;
            Stage paragraphStage = statedStage;     // "……开工目标任务为131973套。其中：城市棚户区131873套" still 开工
            for (String sentence : sentences(paragraph)) {
                String s = Text.compact(sentence);
                Set<Integer> years = new LinkedHashSet<>();
                Matcher y = YEAR.matcher(s);
                while (y.find()) {
                    years.add(Integer.parseInt(y.group(1)));
                }
                // a sentence without a year speaks of the year the paragraph last named ("2022年以来……")
                Integer year = years.size() == 1 ? years.iterator().next()
                        : years.isEmpty() ? (paragraphYear != null ? paragraphYear : documentYear) : null;
                if (!years.isEmpty()) {
                    paragraphYear = years.size() == 1 ? years.iterator().next() : null;
                }
                String scope = scope(s);
                String sentenceScope = scope;
                boolean scopeFromName = false;
                Program program = null;
                Stage stage = paragraphStage;
                FigureKind kind = null;
                ClauseYear clauseYear = null;
                String word = null;
                int from = 0;
                Matcher m = NUMBER.matcher(s);
                while (m.find()) {
                    String before = s.substring(from, m.start());
                    from = m.end();
                    List<Program> ps = indicators.programsIn(before);
                    if (!ps.isEmpty()) {
                        program = ps.getLast();
                        word = lastProgramWord(before);
                    } else if (program == null) {
                        // "全市计划投资7746万元，建设保障性租赁住房778套": the sentence's one program, else the text's last
                        List<Program> inSentence = indicators.programsIn(s);
                        program = inSentence.size() == 1 ? inSentence.getFirst() : carriedProgram;
                        word = inSentence.size() == 1 ? lastProgramWord(s) : word;
                    }
                    List<Stage> ss = indicators.stagesIn(before);
                    if (!ss.isEmpty()) {
                        stage = ss.getLast();
                    }
                    // the kind of the clause before the figure: 截至……已开工 after 全省计划…… is an actual
                    String clause = SHARE_OF_TASK.matcher(before).replaceAll("");
                    if (ACTUAL.matcher(clause).find()) {
                        kind = FigureKind.ACTUAL;
                    } else if (TARGET.matcher(clause).find()) {
                        kind = FigureKind.TARGET;
                    } else if (kind == null) {
                        // in a section of targets (一、目标任务) a sentence states targets unless its clause says 已/截至
                        kind = section != null ? section : ACTUAL.matcher(s).find() ? FigureKind.ACTUAL
                                : TARGET.matcher(s).find() ? FigureKind.TARGET : null;
                    }
                    // the year the clause names ("其中：2023年新开工2.99万套"), "2024年前" for the whole period
                    Integer figureYear = year;
                    boolean wholePeriod = false;
                    Matcher by = BY_YEAR.matcher(clause);
                    Matcher inClause = YEAR.matcher(clause);
                    if (by.find()) {
                        figureYear = null;
                        wholePeriod = true;
                    } else if (inClause.find()) {
                        figureYear = Integer.parseInt(inClause.group(1));
                    } else if (clauseYear != null) {
                        figureYear = clauseYear.year();
                        wholePeriod = clauseYear.wholePeriod();
                    }
                    clauseYear = new ClauseYear(figureYear, wholePeriod);
                    String named = byLength.stream().filter(before::contains).findFirst().orElse(null);
                    if (named == null) {
                        // "今年,襄阳市计划改造151个": the issuer's; "山东今年棚改计划开工14.29万套" in 青岛's list: the province's
                        named = aboveByLength.stream().filter(before::contains).findFirst().orElse(null);
                    }
                    if (named != null) {
                        scope = named;
                        scopeFromName = true;
                    } else if (scopeFromName && CLOSING.matcher(before).find()) {
                        // "(……武川县26个),涉及楼栋1107栋": after the bracketed list, the sentence's own again
                        scope = sentenceScope;
                        scopeFromName = false;
                    } else if (unknownPlace(before)) {
                        continue;   // "高新区3个" where 高新区 is no row: whose figure it is, is not known
                    }
                    if (years.size() > 1 && !wholePeriod && figureYear == null) {
                        continue;   // "“十四五”期间……1535个, 2021~2024年……": which year is not said
                    }
                    if (kind == null || program == null || stage == null
                            || SKIP_AFTER.matcher(s.substring(m.end())).find()) {
                        continue;
                    }
                    String measure = measure(m.group(3), tail(before), s.substring(m.end()), program);
                    if (measure == null) {
                        continue;
                    }
                    Indicator indicator = indicators.find(program.code(), stage.code(), measure).orElse(null);
                    if (indicator == null) {
                        continue;
                    }
                    List<String> codes = new ArrayList<>(List.of(indicator.code()));
                    if (program.code().equals("SHANTYTOWN") && word != null && GENERIC_SHANTYTOWN.contains(word)
                            && programs.contains("MINING_SHANTYTOWN")) {
                        indicators.find("MINING_SHANTYTOWN", stage.code(), measure).ifPresent(i -> codes.add(i.code()));
                    }
                    BigDecimal printed = new BigDecimal(m.group(1));
                    BigDecimal factor = factor(m.group(2), m.group(3));
                    BigDecimal value = printed.multiply(factor);
                    BigDecimal tolerance = printed.scale() == 0 && factor.compareTo(BigDecimal.ONE) == 0
                            && indicator.exact() ? BigDecimal.ZERO
                            : new BigDecimal("0.5").movePointLeft(printed.scale()).multiply(factor);
                    found.add(new Statement(sentence.strip(), m.group(), scope, codes, kind, figureYear, wholePeriod,
                            value.stripTrailingZeros(), tolerance.stripTrailingZeros()));
                }
                if (program != null) {
                    carriedProgram = program;
                }
                paragraphStage = stage;
            }
        }
        return found;
    }

    /** The year the previous figure of the sentence was of: "2023年新开工2.99万套、基本建成0.87万套". */
    private record ClauseYear(Integer year, boolean wholePeriod) {
    }

    /** Sentences of a paragraph; a line broken in the middle of a sentence was joined by the caller. */
    private static List<String> sentences(String paragraph) {
        List<String> list = new ArrayList<>();
        for (String s : SENTENCE_END.split(paragraph)) {
            if (!s.isBlank()) {
                list.add(s);
            }
        }
        return list;
    }

    /** 全省 / 全市 … or the place named right before it (德州全市): whose total. */
    private static String scope(String s) {
        Matcher w = WHOLE.matcher(s);
        while (w.find()) {
            if (s.startsWith("面", w.start() + 1)) {
                continue;   // 全面
            }
            String before = s.substring(Math.max(0, w.start() - 6), w.start());
            Matcher place = PLACE_BEFORE.matcher(before);
            String name = place.find() ? place.group(1) : null;
            return name != null && !NOT_A_PLACE.matcher(name).find() ? name + w.group() : w.group();
        }
        return null;
    }

    /** A place-like word right before a figure ("、高新区3个", "和林县4个"): a unit the tables do not hold. */
    private static final Pattern PLACE_AT_END = Pattern.compile(
            "([\\p{IsHan}]{1,8}?[省市区县旗州盟])(?:有|共有|共|计划|改造|将|为|是|达|约|得)*$");
    private static final Pattern NO_PLACE = Pattern.compile(
            "(?:小|社|片|街|校|景|厂|园|辖|城|户|地|矿|县)区$|(?:城|都|省|县)市$|(?:全|本|我|该|各|此)(?:省|市|县|区|州|盟|旗)$");

    /**
     * Whether the clause before a figure names a place the tables do not hold: a name-shaped word ("、高新区3个"), or
     * a short one with no word of the figures' own in it ("、济南15546套", "菏泽最多20878套").
     */
    private boolean unknownPlace(String before) {
        Matcher m = PLACE_AT_END.matcher(before);
        if (m.find() && !NO_PLACE.matcher(m.group(1)).find()) {
            return true;
        }
        String clause = LAST_CLAUSE.matcher(before).replaceAll("");
        clause = TRAILING_VERBS.matcher(clause).replaceAll("");
        return clause.length() >= 2 && clause.length() <= 4 && clause.codePoints().allMatch(Character::isIdeographic)
                && !TextLists.VERBISH.matcher(clause).find() && indicators.programsIn(clause).isEmpty()
                && indicators.stagesIn(clause).isEmpty();
    }

    private static final Pattern CLOSING = Pattern.compile("[)）]");
    private static final Pattern LAST_CLAUSE = Pattern.compile("^.*[,，、:：;；(（]");
    private static final Pattern TRAILING_VERBS = Pattern.compile("(?:有|共有|共|计划|改造|将|为|是|达|约|得|最多|最少)+$");

    private static final Pattern PLACE_BEFORE = Pattern.compile("(?:^|[,，、:：])([\\p{IsHan}]{2,5})$");
    private static final Pattern NOT_A_PLACE = Pattern.compile("年|月|完成|计划|任务|为|其中|确保|根据|通知");

    private static String tail(String before) {
        return before.length() <= 6 ? before : before.substring(before.length() - 6);
    }

    /** The program word the text names last (the longest of those ending at the same place: 城市棚户区, not 棚户区). */
    private String lastProgramWord(String before) {
        String best = null;
        int end = -1;
        for (Program p : indicators.programs()) {
            for (String alias : p.aliases()) {
                String a = Text.compact(alias);
                int i = before.lastIndexOf(a);
                if (i >= 0 && (i + a.length() > end || i + a.length() == end && a.length() > best.length())) {
                    end = i + a.length();
                    best = a;
                }
            }
        }
        return best;
    }

    /** The measure of a unit; 个 is a 小区 unless the words around it say 楼栋 (楼栋数20712个, 1164个楼栋). */
    private static String measure(String unit, String before, String after, Program program) {
        return switch (unit) {
            case "个小区", "个老旧小区" -> "COMMUNITY";
            case "个" -> before.contains("楼栋") || before.contains("栋数") || after.startsWith("楼栋")
                    || after.startsWith("栋") ? "BUILDING"
                    : before.contains("户") ? null
                    : program.code().equals("OLD_COMMUNITY") ? "COMMUNITY" : null;
            case "户" -> "HOUSEHOLD";
            case "栋", "幢" -> "BUILDING";
            case "套" -> "UNIT";
            case "间" -> "ROOM";
            case "平方米", "平米", "㎡" -> "AREA_10K_M2";
            case "元" -> "YUAN_10K";
            default -> null;
        };
    }

    private static BigDecimal factor(String prefix, String unit) {
        BigDecimal f = prefix == null ? BigDecimal.ONE : prefix.equals("万") ? new BigDecimal(10000)
                : new BigDecimal(100000000);
        if (unit.equals("平方米") || unit.equals("平米") || unit.equals("㎡") || unit.equals("元")) {
            f = f.movePointLeft(4);
        }
        return f;
    }
}
