package org.anju.plan.imports;

import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.region.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units and their figures listed in running text, read as tables — for documents that print no table at all,
 * as news reports of a plan or of a progress bulletin mostly do:
 * <ul>
 *   <li>in a sentence: "其中樊城区26个、襄城区15个、高新区3个……", "涧西区15个片区、23428户,西工区12个片区、16826户",
 *       "左云县计划改造老旧小区46个,131栋楼,5075套房;阳高县……", "禅城区34.5%、南海区30.6%";</li>
 *   <li>a unit per line: "●城阳区6775套(户)", "包河区18处:农广校小区、……";</li>
 *   <li>a unit's name on its own line and its figures on the lines below ("龙子湖区" / "共25个小区" /
 *       "涉及居民6618户").</li>
 * </ul>
 * A list is three or more units in a row whose figures have the same units in the same order; its columns are
 * those figures (header: the words before the first unit's figure and its unit, "计划改造老旧小区(个)"), its title
 * the words before the list in its sentence (else the sentence before). What the words leave open — program,
 * stage, year, a name that is no region — is asked like any table's. Nothing is guessed from the gaps: a figure
 * between units that belongs to none, or a unit with other units of figures, ends the list; units listed in twos
 * are reported, not read.
 */
final class TextLists {

    /** What was found: the lists as tables, and the units with figures that no list took (to be reported). */
    record Found(List<RawTable> tables, List<String> leftOver) {
    }

    /** A unit's figure: the words before it, the number as printed, its unit (万户, 个, %) and what follows it. */
    private record Fig(String words, String number, String unit, String tail) {
    }

    /** A unit in the text: its name as printed (resolved or name-shaped), its figures, where it was. */
    private static final class Entry {
        final int row;
        final String name;
        final boolean resolved;
        final String before;    // the sentence's words before the name, for the title
        final String segment;   // the words of the name and its first figures, as the text has them
        final int sentenceStart;
        final List<Fig> figs = new ArrayList<>();
        boolean closed;         // a colon after its figure: what follows describes it (the names of its 小区)
        boolean ownLine;        // the name stood on a line of its own: its figures are on the lines below
        boolean lineStart;      // the name began its line (a list of lines: ●城阳区6775套)

        Entry(int row, String name, boolean resolved, String before, String segment, int sentenceStart) {
            this.row = row;
            this.name = name;
            this.resolved = resolved;
            this.before = before;
            this.segment = segment;
            this.sentenceStart = sentenceStart;
        }

        List<String> signature() {
            return figs.stream().map(Fig::unit).toList();
        }
    }

    private static final String UNIT_WORDS = "%|万平方米|平方米|万平米|平米|万㎡|㎡|万余户|余户|万户|户|万余套|万套|套|亿元|万元|元"
            + "|个|处|栋|幢|间|座|项|片区|宗";
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\d.A-Za-z-])(\\d+(?:\\.\\d+)?)(" + UNIT_WORDS + ")([\\p{IsHan}]{0,4})");
    private static final Pattern BRACKETED_FIGURE = Pattern.compile("(\\p{IsHan})\\((\\d+(?:\\.\\d+)?%?)\\)");
    private static final Pattern HAN_RUN = Pattern.compile("^[\\p{IsHan}]+");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:其中|另外|此外|以及|另有|分别为|分别是|是|如|例如|[●•·▪■◆◇□★☆▶►→>\\-—]+|\\d{1,2}[.、]"
                    + "|\\([一二三四五六七八九十\\d]{1,2}\\)|[一二三四五六七八九十]{1,2}、)+");
    /** 和, 及, 与 before the last unit of a list — also the first character of some names (和林格尔县). */
    private static final Pattern CONJUNCTION = Pattern.compile("^(?:和|及|与)");
    private static final Pattern FILLER_WORDS = Pattern.compile("^(?:有|共有|共|为|是|达|约|得|将|则)+");
    /** A name that is no region found but stands where one would: ends as a unit's name does, or is short. */
    private static final Pattern NAME_SHAPED = Pattern.compile("[\\p{IsHan}]{0,6}[省市区县旗盟州]");
    /** Characters of the words around figures (开工, 计划, 涉及居民, 占, 约), never of a unit's short name. */
    private static final Pattern VERBISH = Pattern.compile(
            "[工成开完建改造计划实施有共进场已将是为的得等个年月日全本各涉及居民占较提增减数量总面积投资金额元户套房楼栋约近达比率其]");
    /** Words that say a figure is of several units: 甘肃等7省份……均达到100%. */
    private static final Pattern GROUP_WORDS = Pattern.compile("[等均\\d]|分别|合计|共计|最多|最少|其次|第一|排名|居首");
    /** Places that are no unit: 小区, 社区, 片区, 园区 …, and words for several units (县区, 地区). */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?:小|社|片|街|校|景|厂|园|辖|城)区$|(?:县|地|城)区$|(?:城|都|省|县)市$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。!?;！？；]");
    private static final Pattern PROGRAM_OR_FIGURE = Pattern.compile("\\d|小区|棚户区|棚改|租赁|公租房|保障");

    private final Regions regions;

    private TextLists(Regions regions) {
        this.regions = regions;
    }

    static Found find(SourceDocument document, Regions regions) {
        TextLists reader = new TextLists(regions);
        List<RawTable> tables = new ArrayList<>();
        List<String> leftOver = new ArrayList<>();
        for (SourceSheet sheet : document.sheets()) {
            reader.read(sheet, tables, leftOver);
        }
        return new Found(tables, leftOver);
    }

    // ---- reading the lines into entries ------------------------------------------------------------

    /** A line of the text, compacted (Traditional → Simplified, full-width → half-width, no spaces); null text for a row of cells. */
    private record Line(int row, String text) {
    }

    private void read(SourceSheet sheet, List<RawTable> tables, List<String> leftOver) {
        List<Line> lines = new ArrayList<>();
        for (SourceRow row : sheet.rows()) {
            String line = TableFinder.lineText(row);
            if (line == null) {
                lines.add(new Line(row.number(), null));   // cells of a table no header was found for: not text
            } else if (!Text.compact(line).isEmpty()) {
                // "河北(100%)": a figure in brackets right after a name is that name's
                lines.add(new Line(row.number(), BRACKETED_FIGURE.matcher(Text.compact(line)).replaceAll("$1$2")));
            }
        }
        // entries in text order; null marks a figure no entry took, or a paragraph of other text: a list ends there
        List<Entry> entries = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int li = 0; li < lines.size(); li++) {
            Entry open = entries.isEmpty() ? null : entries.getLast();
            if (lines.get(li).text() == null) {
                if (open != null) {
                    open.closed = true;
                }
                entries.add(null);
                lineOf.add(li);
                continue;
            }
            // a name on a line of its own takes the figures of the lines below it, until the next name
            readLine(lines.get(li), entries, lineOf, li, open != null && open.ownLine && !open.closed ? open : null);
        }
        group(lines, entries, lineOf, sheet, tables, leftOver);
    }

    private void readLine(Line line, List<Entry> entries, List<Integer> lineOf, int li, Entry above) {
        String text = line.text();
        int start = 0;
        int sentenceStart = 0;
        boolean lineStart = true;
        Entry current = above;
        boolean describing = false;     // after "包河区18处:": the names of its 小区, whatever figures they hold
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean separator = c == '\n' || c == '、' || c == ',' && !digitsAround(text, i) || c == ':' || c == '('
                    || c == ')' || c == '[' || c == ']' || c == '"' || c == '“' || c == '”' || c == '《' || c == '》'
                    || SENTENCE_END.matcher(String.valueOf(c)).matches();
            if (!separator) {
                continue;
            }
            String segment = text.substring(start, i);
            Entry before = current;
            current = segment(segment, line.row(), text.substring(sentenceStart, start), sentenceStart, lineStart,
                    describing, current, entries, lineOf, li);
            if (current != before) {
                describing = false;
            }
            if (current != null && c == ':' && !current.figs.isEmpty()) {
                current.closed = true;     // "包河区18处:" and the names of its 小区
                describing = true;
            }
            if (c == '\n' || SENTENCE_END.matcher(String.valueOf(c)).matches()) {
                // a line ends a unit's figures, unless its name stood alone on an earlier line (龙子湖区 / 共25个小区)
                boolean nameAbove = current != null && current.ownLine && current.row != line.row();
                if (current != null && !(c == '\n' && (nameAbove || current.ownLine && current.figs.isEmpty()))) {
                    current.closed = true;
                }
                sentenceStart = i + 1;
                describing = false;
                if (c != '\n') {
                    current = null;
                }
            }
            if (!segment.isBlank()) {
                lineStart = false;
            }
            start = i + 1;
        }
    }

    private static boolean digitsAround(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }

    /** Reads one segment: a new entry, figures of the open one, or other words. Returns the entry open after it. */
    private Entry segment(String raw, int row, String sentenceBefore, int sentenceStart, boolean lineStart,
                          boolean describing, Entry current, List<Entry> entries, List<Integer> lineOf, int li) {
        String s = LEADING_FILLER.matcher(raw).replaceFirst("");
        if (s.isEmpty()) {
            return current;
        }
        String[] found = nameOf(s, lineStart);
        if (found == null && CONJUNCTION.matcher(s).find()) {
            s = s.substring(1);
            found = nameOf(s, lineStart);
        }
        String name = found == null ? null : found[0];
        boolean resolved = found != null && found[1] != null;
        List<Fig> figs = figures(name == null ? s : s.substring(name.length()));
        if (name != null && !figs.isEmpty() && GROUP_WORDS.matcher(figs.getFirst().words()).find()) {
            return current;     // "甘肃等7省份开工率均已达到或超过100%": said of several units, not of this one
        }
        if (name != null && !figs.isEmpty() && s.length() - endOfFigures(s) > 3) {
            name = null;        // "佛山123个老旧小区改造项目确保今年底前全部开工": a statement, not an item of a list
        }
        if (name != null && (!figs.isEmpty() || lineStart && s.length() == name.length())) {
            if (current != null) {
                current.closed = true;
            }
            Entry e = new Entry(row, name, resolved, sentenceBefore + raw.substring(0, raw.length() - s.length()), raw,
                    sentenceStart);
            e.figs.addAll(figs);
            e.ownLine = lineStart && figs.isEmpty();
            e.lineStart = lineStart;
            entries.add(e);
            lineOf.add(li);
            return e;
        }
        if (figs.isEmpty() || describing) {
            return current;         // words: the names of 小区, a comment
        }
        if (current != null && !current.closed) {
            current.figs.addAll(figs);
            return current;
        }
        entries.add(null);          // a figure of no unit (the sentence's total): a list ends here
        lineOf.add(li);
        return null;
    }

    /** The unit name a segment starts with, see {@link #name(String, boolean)}. */
    private String[] nameOf(String s, boolean lineStart) {
        Matcher han = HAN_RUN.matcher(s);
        if (!han.find()) {
            return null;
        }
        boolean figureFollows = s.length() > han.end() && Character.isDigit(s.charAt(han.end()));
        // a name alone on its line (三县 over 共7个小区) stands where a unit's name would, as one before a figure does
        return name(han.group(), figureFollows || lineStart && han.end() == s.length());
    }

    /**
     * The unit name a run of Han characters starts with: the longest prefix that names a region ({name, "found"}),
     * else — only right before a figure, or alone on its line — a name-shaped run ({name, null}), else null.
     */
    private String[] name(String run, boolean nameShapedAllowed) {
        for (int k = Math.min(run.length(), 12); k >= 2; k--) {
            String prefix = run.substring(0, k);
            if (RowLabels.isTotal(prefix)) {
                return null;        // 全市, 合计: the sentence's total, not a unit
            }
            if (names(prefix)) {
                return new String[] {prefix, "found"};
            }
        }
        if (!nameShapedAllowed) {
            return null;
        }
        // "土左旗9个", "区36个", "和林4个": stands where a unit's name would; the import asks which region it is
        if (VERBISH.matcher(run).find() || NOT_A_NAME.matcher(run).find() || RowLabels.isTotal(run)) {
            return null;
        }
        if (NAME_SHAPED.matcher(run).matches() || run.length() >= 2 && run.length() <= 3) {
            return new String[] {run, null};
        }
        return null;
    }

    private boolean names(String label) {
        Resolution r = regions.resolve(label, null);
        if (r instanceof Resolution.Found || r instanceof Resolution.Ambiguous) {
            return true;
        }
        List<Region> candidates = regions.candidates(label, null);
        return !candidates.isEmpty() && label.length() >= 2 && !label.endsWith("新区") && !label.endsWith("开发区");
    }

    /** Where the last figure of a segment (with its unit and the words glued to it) ends. */
    private static int endOfFigures(String s) {
        Matcher m = FIGURE.matcher(s);
        int end = 0;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    private static List<Fig> figures(String s) {
        List<Fig> figs = new ArrayList<>();
        Matcher m = FIGURE.matcher(s);
        int last = 0;
        while (m.find()) {
            String unit = m.group(2);
            String tail = m.group(3);
            if (unit.equals("个") && tail.startsWith("月")) {
                continue;           // 3个月
            }
            figs.add(new Fig(s.substring(last, m.start()), m.group(1), unit.replace("余", ""), tail));
            last = m.end();
        }
        return figs;
    }

    // ---- entries into lists -----------------------------------------------------------------------

    private void group(List<Line> lines, List<Entry> entries, List<Integer> lineOf, SourceSheet sheet,
                       List<RawTable> tables, List<String> leftOver) {
        int i = 0;
        while (i < entries.size()) {
            Entry first = entries.get(i);
            if (first == null || first.figs.isEmpty()) {
                i++;
                continue;
            }
            List<String> signature = first.signature();
            List<Entry> list = new ArrayList<>();
            int j = i;
            while (j < entries.size()) {
                Entry e = entries.get(j);
                if (e == null || e.figs.isEmpty()) {
                    break;
                }
                List<String> sig = e.signature();
                Entry previous = list.isEmpty() ? null : list.getLast();
                if (previous != null && previous.row != e.row && !(previous.lineStart && e.lineStart)) {
                    break;      // a list goes on over lines only as a list of lines
                }
                if (sig.equals(signature)) {
                    list.add(e);
                    j++;
                } else if (!list.isEmpty() && sig.size() > signature.size()
                        && sig.subList(0, signature.size()).equals(signature)) {
                    // the last unit of the sentence, followed by the sentence's own totals (惠及居民28743户)
                    list.add(e);
                    j++;
                    break;
                } else {
                    break;
                }
            }
            if (list.isEmpty()) {
                list.add(first);
                j = i + 1;
            }
            String total = null;
            if (list.size() >= 4 && contains(list.get(0), list.get(1))) {
                // "襄阳市计划实施151个……,其中樊城区26个、……": the first is the total its parts follow, said in the title
                Entry t = list.removeFirst();
                total = t.before + t.segment;
            }
            if (list.size() >= 3 && list.stream().filter(e -> e.resolved).count() >= 2) {
                tables.add(table(list, signature, lines, lineOf.get(i), total, sheet));
            } else if (list.size() == 2 && list.stream().allMatch(e -> e.resolved)) {
                // units listed in twos (南漳县22个、保康县22个): too few to tell a list from a mention, so reported
                leftOver.add("第 " + first.row + " 行「" + String.join("、", list.stream().map(e -> e.name
                        + String.join("、", e.figs.stream().map(f -> f.number() + f.unit()).toList())).toList()) + "」");
            }
            i = j;
        }
    }

    private static String common(List<String> values) {
        return values.stream().distinct().count() == 1 ? values.getFirst() : "";
    }

    /** Whether the first entry names a region that holds the second's (a city and one of its districts). */
    private boolean contains(Entry whole, Entry part) {
        if (!whole.resolved || !part.resolved) {
            return false;
        }
        Region w = found(whole.name);
        Region p = found(part.name);
        return w != null && p != null && !w.equals(p) && regions.contains(w, p);
    }

    private Region found(String name) {
        if (regions.resolve(name, null) instanceof Resolution.Found f) {
            return f.region();
        }
        List<Region> c = regions.candidates(name, null);
        return c.size() == 1 ? c.getFirst() : null;
    }

    private static RawTable table(List<Entry> list, List<String> signature, List<Line> lines, int lineIndex,
                                  String total, SourceSheet sheet) {
        Entry first = list.getFirst();
        String title = total != null ? strip(total) : title(first, lines, lineIndex);
        List<String> header = new ArrayList<>();
        header.add("地区");
        for (int k = 0; k < signature.size(); k++) {
            int slot = k;
            // only what every unit's figure says is the column's: 李沧区's 零星棚户区改造项目 is its own
            String words = common(list.stream().map(e -> FILLER_WORDS.matcher(e.figs.get(slot).words()).replaceAll(""))
                    .toList());
            String tail = common(list.stream().map(e -> e.figs.get(slot).tail()).toList());
            header.add(words + "(" + signature.get(k) + tail + ")");
        }
        List<SourceRow> rows = new ArrayList<>();
        for (Entry e : list) {
            List<String> cells = new ArrayList<>();
            cells.add(e.name);
            for (int k = 0; k < signature.size(); k++) {
                Fig f = e.figs.get(k);
                cells.add(f.number() + (f.unit().equals("%") ? "%" : ""));
            }
            rows.add(new SourceRow(e.row, cells, false));
        }
        // no context beyond the title: the other sentences of a news report speak of other years and subjects
        List<String> context = List.of();
        return new RawTable(sheet.name(), null, title, null, null, context,
                List.of(new SourceRow(first.row, header, false)), rows, "正文中的列举（第 " + first.row + " 行起），非表格");
    }

    /**
     * The words before the list in its sentence ("城镇住房保障家庭租赁补贴计划发放16555户,其中"), else the sentence before
     * it on its line ("其中,主城区……共设置52个片区" over "其中,涧西区15个片区……"), else the line above when it leads
     * into the list ("……共计居民多达1.5万余户,其中:"); null when there is none — what a title would say is then asked.
     */
    private static String title(Entry first, List<Line> lines, int lineIndex) {
        String own = LEADING_FILLER.matcher(strip(first.before)).replaceFirst("");
        if (own.length() >= 4) {
            return strip(first.before);
        }
        String line = lines.get(lineIndex).text();
        String[] earlier = SENTENCE_END.split(line.substring(0, Math.min(first.sentenceStart, line.length())));
        for (int k = earlier.length - 1; k >= 0; k--) {
            if (strip(earlier[k]).length() >= 4) {
                return strip(earlier[k]);
            }
        }
        if (own.isEmpty() && lineIndex > 0 && lines.get(lineIndex - 1).text() != null) {
            String above = lines.get(lineIndex - 1).text();
            if (above.matches(".*(?:其中|如下|分别为|分别是)?[:：]$|.*其中[,，]?$")) {
                String[] sentences = SENTENCE_END.split(above);
                return strip(sentences[sentences.length - 1]);
            }
        }
        return own.isEmpty() ? null : own;
    }

    private static String strip(String s) {
        return s.replaceAll("^(?:[,、:;。(]|其中)+", "").replaceAll("(?:[,、:;。(]|其中|分别为|分别是|包括)+$", "").strip();
    }
}
