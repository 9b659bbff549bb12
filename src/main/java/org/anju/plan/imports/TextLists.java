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
        final String lead;      // 其中, ●: the words before the name in its segment
        final char after;       // the separator before the segment: ( or : after a total
        final boolean aside;    // a statement or a figure of several units: ends a list, is no row
        final List<Fig> figs = new ArrayList<>();
        boolean closed;         // a colon after its figure: what follows describes it (the names of its 小区)
        boolean ownLine;        // the name stood on a line of its own: its figures are on the lines below
        boolean lineStart;      // the name began its line (a list of lines: ●城阳区6775套)

        Entry(int row, String name, boolean resolved, String before, String segment, int sentenceStart, String lead,
              char after, boolean aside) {
            this.row = row;
            this.name = name;
            this.resolved = resolved;
            this.before = before;
            this.segment = segment;
            this.sentenceStart = sentenceStart;
            this.lead = lead;
            this.after = after;
            this.aside = aside;
        }

        /** Whether the sentence has words of its own before this unit ("截至6月底,樊城区已开工20个"). */
        boolean ledIn() {
            return !LEADING_FILLER.matcher(strip(before)).replaceFirst("").isEmpty();
        }

        List<String> signature() {
            return figs.stream().map(Fig::unit).toList();
        }
    }

    private static final String UNIT_WORDS = "%|万平方米|平方米|万平米|平米|万㎡|㎡|万余户|余户|万户|户|万余套|万套|套|亿元|万元|元"
            + "|个|处|栋|幢|间|座|项|片区|宗";
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\d.,A-Za-z-])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(" + UNIT_WORDS + ")([\\p{IsHan}]{0,4})");
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
    static final Pattern VERBISH = Pattern.compile(
            "[工成开完建改造计划实施有共进场已将是为的得等个年月日全本各涉及居民占较提增减数量总面积投资金额元户套房楼栋约近达比率其]");
    /** Words that say a figure is of several units: 甘肃等7省份……均达到100%. */
    private static final Pattern GROUP_WORDS = Pattern.compile("[等均\\d]|分别|合计|共计|最多|最少|其次|第一|排名|居首");
    /** Places that are no unit: 小区, 社区, 片区, 园区 …, and words for several units (县区, 地区). */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?:小|社|片|街|校|景|厂|园|辖|城)区$|(?:县|地|城)区$|(?:城|都|省|县)市$");
    /** What follows a place's name when the words speak of a part of it: 城东片区, 城关街道, 东城社区. */
    private static final Pattern PART_OF_PLACE = Pattern.compile("片区|街道|社区|小区|组团|新村|村|镇|乡|路|街");
    /** A line that stops in the middle of a list: the next line goes on with it. */
    private static final Pattern BROKEN_OFF = Pattern.compile("[、,]$");
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

    /** A line of the text, compacted (Traditional → Simplified, full-width → half-width, no spaces); null for a row of cells. */
    private record Line(int row, String text) {
    }

    private void read(SourceSheet sheet, List<RawTable> tables, List<String> leftOver) {
        List<Line> lines = new ArrayList<>();
        for (SourceRow row : sheet.rows()) {
            String line = TableFinder.lineText(row);
            if (line == null) {
                lines.add(new Line(row.number(), null));   // cells of a table no header was found for: not text
                continue;
            }
            // "河北(100%)": a figure in brackets right after a name is that name's
            String text = BRACKETED_FIGURE.matcher(Text.compact(line)).replaceAll("$1$2");
            if (text.isEmpty()) {
                continue;
            }
            Line previous = lines.isEmpty() ? null : lines.getLast();
            if (previous != null && previous.text() != null && BROKEN_OFF.matcher(previous.text()).find()) {
                // a sentence broken over two lines (copied from a PDF): "……襄城区15个、" / "枣阳市22个……"
                lines.set(lines.size() - 1, new Line(previous.row(), previous.text() + text));
            } else {
                lines.add(new Line(row.number(), text));
            }
        }
        // entries in text order; null marks a figure no entry took, a row of cells or a line of other words: a list
        // ends there
        List<Entry> entries = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int li = 0; li < lines.size(); li++) {
            Entry open = entries.isEmpty() ? null : entries.getLast();
            boolean used = lines.get(li).text() != null
                    // a name on a line of its own takes the figures of the lines below it, until the next name
                    && readLine(lines.get(li), entries, lineOf, li, open != null && open.ownLine && !open.closed ? open : null);
            if (!used) {
                if (open != null) {
                    open.closed = true;
                }
                entries.add(null);
                lineOf.add(li);
            }
        }
        group(lines, entries, lineOf, sheet, tables, leftOver);
    }

    /** Reads a line's segments; whether any of it was a unit or a unit's figures (else it is other text). */
    private boolean readLine(Line line, List<Entry> entries, List<Integer> lineOf, int li, Entry above) {
        String text = line.text();
        int start = 0;
        int sentenceStart = 0;
        boolean lineStart = true;
        boolean used = false;
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
            Place place = new Place(line, li, sentenceStart, start, lineStart, start > 0 ? text.charAt(start - 1) : '\n');
            Entry before = current;
            int figuresBefore = current == null ? 0 : current.figs.size();
            current = segment(text.substring(start, i), place, describing, current, entries, lineOf);
            used |= current != before || current != null && current.figs.size() > figuresBefore;
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
            if (!text.substring(start, i).isBlank()) {
                lineStart = false;
            }
            start = i + 1;
        }
        return used;
    }

    /** Where a segment is: its line, the start of its sentence and of itself, the separator before it. */
    private record Place(Line line, int lineIndex, int sentenceStart, int start, boolean lineStart, char after) {

        /** The sentence's words before the segment, at most 200 characters (a line may have no sentence end). */
        String sentenceBefore() {
            return line.text().substring(Math.max(sentenceStart, start - 200), start);
        }
    }

    private static boolean digitsAround(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }

    /** Reads one segment: a new entry, figures of the open one, or other words. Returns the entry open after it. */
    private Entry segment(String raw, Place place, boolean describing, Entry current, List<Entry> entries,
                          List<Integer> lineOf) {
        String s = LEADING_FILLER.matcher(raw).replaceFirst("");
        if (s.isEmpty()) {
            return current;
        }
        Name found = nameOf(s, place.lineStart());
        if (found == null && CONJUNCTION.matcher(s).find()) {
            s = s.substring(1);
            found = nameOf(s, place.lineStart());
        }
        String lead = raw.substring(0, raw.length() - s.length());
        List<Fig> figs = figures(found == null ? s : s.substring(found.name().length()));
        if (found != null && !figs.isEmpty() && (GROUP_WORDS.matcher(figs.getFirst().words()).find()
                || s.length() - endOfFigures(s) > 3)) {
            // "甘肃等7省份开工率均已达到或超过100%": said of several units; "枣阳市22个项目已于5月底前全部开工": a
            // statement of its own. Neither is an item of a list, and a list does not go on past them.
            entries.add(new Entry(place.line().row(), found.name(), false, "", raw, place.sentenceStart(), lead,
                    place.after(), true));
            entries.getLast().figs.addAll(figs);
            lineOf.add(place.lineIndex());
            return null;
        }
        if (found != null && (!figs.isEmpty() || place.lineStart() && s.length() == found.name().length())) {
            if (current != null) {
                current.closed = true;
            }
            Entry e = new Entry(place.line().row(), found.name(), found.region(), place.sentenceBefore() + lead, raw,
                    place.sentenceStart(), lead, place.after(), false);
            e.figs.addAll(figs);
            e.ownLine = place.lineStart() && figs.isEmpty();
            e.lineStart = place.lineStart();
            entries.add(e);
            lineOf.add(place.lineIndex());
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
        lineOf.add(place.lineIndex());
        return null;
    }

    /** A unit's name as the text has it, and whether it names a region for certain (not a candidate or a shape). */
    private record Name(String name, boolean region) {
    }

    /** The unit name a segment starts with, see {@link #name(String, boolean)}. */
    private Name nameOf(String s, boolean lineStart) {
        Matcher han = HAN_RUN.matcher(s);
        if (!han.find()) {
            return null;
        }
        boolean figureFollows = s.length() > han.end() && Character.isDigit(s.charAt(han.end()));
        // a name alone on its line (三县 over 共7个小区) stands where a unit's name would, as one before a figure does
        return name(han.group(), figureFollows || lineStart && han.end() == s.length());
    }

    /**
     * The unit name a run of Han characters starts with: the longest prefix that names a region or may (a county
     * as news print it, several of one name), else — only right before a figure, or alone on its line — a
     * name-shaped run, else null. A name followed by 片区, 街道, 社区 … is a part of a place, no unit (城东片区).
     */
    private Name name(String run, boolean nameShapedAllowed) {
        for (int k = Math.min(run.length(), 12); k >= 2; k--) {
            String prefix = run.substring(0, k);
            if (RowLabels.isTotal(prefix)) {
                return null;        // 全市, 合计: the sentence's total, not a unit
            }
            Boolean certain = names(prefix);
            if (certain != null) {
                return PART_OF_PLACE.matcher(run.substring(k)).lookingAt() ? null : new Name(prefix, certain);
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
            return new Name(run, false);
        }
        return null;
    }

    /** True when the label names one region for certain, false when it may (several, a candidate), null if none. */
    private Boolean names(String label) {
        Resolution r = regions.resolve(label, null);
        if (r instanceof Resolution.Found) {
            return true;
        }
        if (r instanceof Resolution.Ambiguous) {
            return false;
        }
        List<Region> candidates = regions.candidates(label, null);
        return !candidates.isEmpty() && !label.endsWith("新区") && !label.endsWith("开发区") ? false : null;
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
        java.util.Set<Entry> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Integer> rowsRead = new java.util.HashSet<>();
        int i = 0;
        while (i < entries.size()) {
            Entry first = entries.get(i);
            if (first == null || first.aside || first.figs.isEmpty()) {
                i++;
                continue;
            }
            List<String> signature = first.signature();
            List<Entry> list = new ArrayList<>(List.of(first));
            int j = i + 1;
            while (j < entries.size()) {
                Entry e = entries.get(j);
                if (e == null || e.aside || e.figs.isEmpty()) {
                    break;
                }
                Entry previous = list.getLast();
                if (previous.row != e.row && !(previous.lineStart && e.lineStart)) {
                    break;      // a list goes on over lines only as a list of lines
                }
                if (previous.row == e.row && previous.sentenceStart != e.sentenceStart && e.ledIn()) {
                    break;      // a sentence of its own: "……枣阳市22个。截至6月底,樊城区已开工20个、……"
                }
                List<String> sig = e.signature();
                if (sig.equals(signature)) {
                    list.add(e);
                    j++;
                } else if (sig.size() > signature.size() && sig.subList(0, signature.size()).equals(signature)) {
                    // the last unit of the sentence, followed by the sentence's own totals (惠及居民28743户)
                    list.add(e);
                    j++;
                    break;
                } else {
                    break;
                }
            }
            String total = null;
            if (list.size() >= 4 && contains(list.get(0), list.get(1))
                    && (list.get(1).lead.contains("其中") || list.get(1).after == '(' || list.get(1).after == ':')) {
                // "襄阳市计划实施151个……,其中樊城区26个、……": the first is the total its parts follow, said in the title
                Entry t = list.removeFirst();
                total = t.before + t.segment;
                taken.add(t);
            }
            if (list.size() >= 3 && list.stream().filter(e -> e.resolved).count() >= 2) {
                tables.add(table(list, signature, lines, lineOf.get(i), total, sheet));
                taken.addAll(list);
                list.forEach(e -> rowsRead.add(e.row));
            } else if (list.size() == 2 && list.stream().allMatch(e -> e.resolved)) {
                // units listed in twos (南漳县22个、保康县22个): too few to tell a list from a mention, so reported
                leftOver.add("第 " + first.row + " 行「" + String.join("、", list.stream().map(TextLists::said).toList())
                        + "」只列了两个地区，未作为表读取");
                taken.addAll(list);
            }
            i = j;
        }
        // a unit beside a list read but not in it (樊城区26个(含续建项目3个), 枣阳市22个项目已于……开工): said, not dropped
        for (Entry e : entries) {
            if (e != null && !e.figs.isEmpty() && !taken.contains(e) && rowsRead.contains(e.row)) {
                leftOver.add("第 " + e.row + " 行「" + said(e) + "」与同一段的其他地区的数字不成列，未读取");
            }
        }
    }

    /** A unit and its figures as the preview names them: 樊城区26个、3个. */
    private static String said(Entry e) {
        return e.name + String.join("、", e.figs.stream().map(f -> f.number() + f.unit()).toList());
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
        // labelled by where it is, so that messages stay short (its title is a whole sentence)
        return new RawTable(sheet.name(), "正文第" + first.row + "行", title, null, null, context,
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
            if (above.matches(".*:$|.*其中,?$")) {
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
