package org.anju.bulletin;

import org.anju.bulletin.BulletinComposer.Data;
import org.anju.bulletin.BulletinTable.HeaderCell;
import org.anju.indicator.Indicators;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.anju.bulletin.BulletinComposer.ISSUED;
import static org.anju.bulletin.BulletinComposer.RECEIVED;
import static org.anju.bulletin.BulletinComposer.SPENT;

/**
 * A bulletin's attachment tables (附件1 项目进展, 附件2 租赁补贴, 附件3 资金), each only when the region has its figures:
 * the region's own row first, then its units'; 未报 for a unit that did not report, blank where it has no such figure.
 * Titles, headers and notes are the wording file's.
 */
final class BulletinTables {

    /** Programs with projects, in the order seed 004's 附件1 prints them. */
    static final List<String> TABLE_PROGRAMS = List.of("OLD_COMMUNITY", "SHANTYTOWN", "MINING_SHANTYTOWN",
            "AFFORDABLE_RENTAL", "PUBLIC_RENTAL", "SHARED_OWNERSHIP");

    private final Indicators indicators;
    private final BulletinWording words;
    private final Data d;

    BulletinTables(Indicators indicators, BulletinWording words, Data data) {
        this.indicators = indicators;
        this.words = words;
        this.d = data;
    }

    /** The tables there are, labelled 附件1, 附件2 … in order. */
    List<BulletinTable> all() {
        List<BulletinTable> tables = new ArrayList<>();
        projectTable().ifPresent(tables::add);
        subsidyTable().ifPresent(tables::add);
        fundTable().ifPresent(tables::add);
        List<BulletinTable> labelled = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            BulletinTable t = tables.get(i);
            labelled.add(new BulletinTable(words.fill("table.label", "序号", i + 1), t.title(), t.unitLine(), t.header(),
                    t.rows(), t.note()));
        }
        return labelled;
    }

    private Optional<BulletinTable> projectTable() {
        List<String> programs = TABLE_PROGRAMS.stream().filter(p -> {
            String code = startCode(p);
            return code != null && (d.total().target(code) != null || d.total().actual(code) != null);
        }).toList();
        if (programs.isEmpty()) {
            return Optional.empty();
        }
        List<HeaderCell> r1 = new ArrayList<>(List.of(new HeaderCell(words.fill("table.region"), 1, 3)));
        List<HeaderCell> r2 = new ArrayList<>();
        List<HeaderCell> r3 = new ArrayList<>();
        // 基本建成 (完工) beside 开工 for a program with a task for it: the year's second count
        Map<String, String> basic = new LinkedHashMap<>();
        for (String p : programs) {
            String code = BulletinComposer.basicCode(p, indicators.program(p).orElseThrow().defaultMeasure());
            if (withTotal().stream().anyMatch(s -> s.target(code) != null)) {
                basic.put(p, code);
            }
        }
        for (String p : programs) {
            String own = "program." + p + ".tableName";
            String name = words.has(own) ? words.fill(own) : indicators.program(p).orElseThrow().name();
            r1.add(new HeaderCell(words.fill("table.projects.program", "名称", name), basic.containsKey(p) ? 6 : 3, 1));
            r2.add(new HeaderCell(words.fill("table.projects.start"), 3, 1));
            r3.addAll(List.of(HeaderCell.of(words.fill("table.projects.start.target")),
                    HeaderCell.of(words.fill("table.projects.start.actual")), HeaderCell.of(words.fill("table.projects.start.rate"))));
            if (basic.containsKey(p)) {
                String stage = words.forProgram(p, "stage");
                r2.add(new HeaderCell(words.fill("table.projects.stage", "阶段", stage), 3, 1));
                r3.addAll(List.of(HeaderCell.of(words.fill("table.projects.stage.target", "阶段", stage)),
                        HeaderCell.of(words.fill("table.projects.stage.actual", "阶段", stage)),
                        HeaderCell.of(words.fill("table.projects.stage.rate", "阶段", stage))));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (ProgressSummary s : withTotal()) {
            List<String> row = new ArrayList<>();
            boolean any = false;
            for (String p : programs) {
                List<String> codes = basic.containsKey(p) ? List.of(startCode(p), basic.get(p)) : List.of(startCode(p));
                for (String code : codes) {
                    boolean has = s.target(code) != null || s.actual(code) != null;
                    any |= has;
                    row.add(has ? figOrBlank(s.target(code)) : "");
                    row.add(has ? actual(s, code) : "");
                    row.add(has ? rate(s, code) : "");
                }
            }
            if (any) {
                row.addFirst(label(s));
                rows.add(row);
            }
        }
        // the usual measure (套) first, then the others (户) in the table's order
        String usual = words.fill("program.measure");
        List<String> measures = programs.stream().map(p -> words.forProgram(p, "measure")).distinct()
                .sorted(Comparator.comparing(m -> !m.equals(usual))).toList();
        String span = d.period().getMonthValue() == 1 ? words.fill("table.span.january")
                : words.fill("table.span.months", "月份", d.period().getMonthValue());
        return Optional.of(new BulletinTable("", words.fill("table.projects.title", "年份", d.period().getYear(), "时段", span,
                "范围", d.scopeLabel()), words.fill("table.projects.units", "计量单位", words.join("join.names", measures)),
                List.of(r1, r2, r3), rows, note(rows)));
    }

    private Optional<BulletinTable> subsidyTable() {
        return simpleTable("table.subsidy", ISSUED, ISSUED, true);
    }

    private Optional<BulletinTable> fundTable() {
        return simpleTable("table.funds", RECEIVED, SPENT, false);
    }

    /** 地区 | group (任务/基数, 实际, 率): two header rows; the words are {@code key}'s. */
    private Optional<BulletinTable> simpleTable(String key, String baseCode, String actualCode, boolean baseIsTarget) {
        Function<ProgressSummary, BigDecimal> base = s -> baseIsTarget ? s.target(baseCode) : s.actual(baseCode);
        if (base.apply(d.total()) == null && d.total().actual(actualCode) == null) {
            return Optional.empty();
        }
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell(words.fill("table.region"), 1, 2), new HeaderCell(words.fill(key + ".group"), 3, 1)),
                List.of(HeaderCell.of(words.fill(key + ".base")), HeaderCell.of(words.fill(key + ".actual")),
                        HeaderCell.of(words.fill(key + ".rate"))));
        List<List<String>> rows = new ArrayList<>();
        for (ProgressSummary s : withTotal()) {
            // a unit that did not report is listed as 未报 (the text names it too), not left out of the table: its
            // figures are not known, whatever its base (资金 has no task to keep its row)
            if (base.apply(s) == null && s.actual(actualCode) == null && !s.unreported()) {
                continue;
            }
            String baseText = !baseIsTarget && s.unreported() ? ProgressLine.UNREPORTED : figOrBlank(base.apply(s));
            rows.add(List.of(label(s), baseText, actual(s, actualCode), rate(s, actualCode)));
        }
        String title = words.fill(key + ".title", "年份", d.period().getYear(), "月份", d.period().getMonthValue());
        return Optional.of(new BulletinTable("", title, words.fill(key + ".units"), header, rows, note(rows)));
    }

    private String startCode(String program) {
        return indicators.program(program)
                .flatMap(p -> indicators.find(program, "START", p.defaultMeasure()))
                .map(i -> i.code()).orElse(null);
    }

    private List<ProgressSummary> withTotal() {
        List<ProgressSummary> list = new ArrayList<>();
        list.add(d.total());
        list.addAll(d.units());
        return list;
    }

    private String label(ProgressSummary s) {
        return s.regionCode().equals(d.scope().code()) ? d.scopeLabel() : s.regionName();
    }

    /** A rate as the 通报 prints it: 未报 for a unit whose month is not in the sums, never 0.0%. */
    private static String rate(ProgressSummary s, String code) {
        return s.unreported() ? ProgressLine.UNREPORTED
                : s.line(code).map(ProgressLine::rateText).orElse(Rates.format(s.rate(code)));
    }

    /**
     * An actual as the 通报 prints it: 0 for a unit that reported and whose projects reached no such stage, 未填 for
     * one that left the item of its report blank, 未报 for one that did not report.
     */
    private static String actual(ProgressSummary s, String code) {
        if (s.unreported()) {
            return ProgressLine.UNREPORTED;
        }
        if (s.line(code).map(ProgressLine::blank).orElse(false)) {
            return ProgressLine.UNFILLED;
        }
        return Rates.figure(s.actual(code) == null ? BigDecimal.ZERO : s.actual(code));
    }

    /** The table's 备注, with the legends of 未报 and 未填 where a row has them. */
    private String note(List<List<String>> rows) {
        boolean unreported = rows.stream().anyMatch(r -> r.contains(ProgressLine.UNREPORTED));
        boolean unfilled = rows.stream().anyMatch(r -> r.contains(ProgressLine.UNFILLED) || r.contains(ProgressLine.PARTLY_UNFILLED));
        return words.fill("table.note", "未报说明", (unreported ? words.fill("table.note.unreported") : "")
                + (unfilled ? words.fill("table.note.unfilled") : ""));
    }

    private static String figOrBlank(BigDecimal v) {
        return v == null ? "" : Rates.figure(v);
    }
}
