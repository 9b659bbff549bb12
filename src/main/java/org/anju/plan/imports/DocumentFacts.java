package org.anju.plan.imports;

import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan document says about itself in its running text: its title, 文号, date and the years its
 * title names. Only what is printed plainly is taken; anything else is left for the user to give.
 *
 * @param documentNumber a 文号 printed on a line of its own (a 文号 quoted inside a sentence is another
 *                       document's, e.g. the plan this one implements)
 * @param issuedOn       the date on the last line that is only a date (the signature date)
 */
record DocumentFacts(String title, String documentNumber, LocalDate issuedOn, List<Integer> titleYears,
                     List<String> referencedNumbers, List<String> paragraphs) {

    private static final Pattern NUMBER = Pattern.compile("[\\p{IsHan}]{1,12}[〔\\[［(（]\\s*(\\d{4})\\s*[〕\\]］)）]\\s*\\d+\\s*号");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
    private static final Pattern TITLE_END = Pattern.compile(".*(通知|方案|通报|计划|意见|决定|办法|函|批复)$");

    static DocumentFacts of(SourceDocument document) {
        List<String> lines = new ArrayList<>();
        for (SourceSheet sheet : document.sheets()) {
            for (SourceRow row : sheet.rows()) {
                String line = TableFinder.lineText(row);
                if (line != null && !line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        String number = null;
        List<String> referenced = new ArrayList<>();
        LocalDate date = null;
        for (String line : lines) {
            String compact = Text.compact(line);
            Matcher n = NUMBER.matcher(compact);
            if (n.matches() && number == null) {
                number = normalizeNumber(compact);
            } else {
                Matcher all = NUMBER.matcher(compact);
                while (all.find()) {
                    referenced.add(normalizeNumber(all.group()));
                }
            }
            Matcher d = DATE.matcher(compact);
            if (d.matches()) {
                try {
                    date = LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
                            Integer.parseInt(d.group(3)));
                } catch (DateTimeException ignored) {
                    // not a date after all
                }
            }
        }
        String title = title(lines);
        TreeSet<Integer> years = new TreeSet<>();
        if (title != null) {
            Matcher y = YEAR.matcher(title);
            while (y.find()) {
                years.add(Integer.parseInt(y.group(1)));
            }
        }
        return new DocumentFacts(title, number, date, List.copyOf(years), List.copyOf(referenced), paragraphs(lines));
    }

    private static final Pattern LINE_END = Pattern.compile(".*[。；：:！？」”)）]$");

    /**
     * The running text as paragraphs: a line of 20 or more characters that stops mid-sentence (a page or
     * column break: "…目标任务为" / "596套。") continues on the next line.
     */
    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            current.append(line.strip());
            String c = Text.compact(current.toString());
            if (c.length() < 20 || LINE_END.matcher(c).matches()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    /** 赣建保〔2023〕1号, with the brackets the standard prints and no spaces. */
    static String normalizeNumber(String s) {
        return Text.compact(s).replaceAll("[\\[［(（]", "〔").replaceAll("[\\]］)）]", "〕");
    }

    /**
     * The first line that begins with 关于 or ends like a title (…通知, …方案); a title broken over two
     * lines ("关于下达2023年全市保障性安居工程" / "建设工作计划的通知") is joined.
     */
    private static String title(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), 15); i++) {
            String c = Text.compact(lines.get(i));
            if (c.endsWith("文件") || NUMBER.matcher(c).matches()) {
                continue;
            }
            if (TITLE_END.matcher(c).matches() && c.length() <= 60) {
                return asPrinted(lines.get(i));
            }
            if (c.startsWith("关于") && i + 1 < lines.size()) {
                String next = Text.compact(lines.get(i + 1));
                if (TITLE_END.matcher(next).matches() && (c + next).length() <= 60) {
                    return asPrinted(lines.get(i)) + asPrinted(lines.get(i + 1));
                }
                return asPrinted(lines.get(i));
            }
        }
        return null;
    }

    /** The line without the spaces of the layout, but with its own characters (full-width brackets stay). */
    private static String asPrinted(String line) {
        return line.replaceAll("[\\s\u3000\u00a0]+", "");
    }
}
