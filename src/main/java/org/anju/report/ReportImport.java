package org.anju.report;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.intake.SourceReader;
import org.anju.progress.Rollups;
import org.anju.progress.TableInput;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Monthly figures from a file (CSV/XLSX), one row per unit and month: checked whole first, then written through
 * {@link Reports} — the same save (and submit) a user's entry takes, so the same checks and the same audit trail.
 */
@Service
public class ReportImport implements org.anju.platform.Expiring {

    private final Reports reports;
    private final Regions regions;
    private final Rollups rollups;
    private final Access access;
    private final SourceReader reader;
    private final TransactionTemplate transaction;
    private final org.anju.platform.OperationsMetrics metrics;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ReportImport(Reports reports, Regions regions, Rollups rollups, Access access, SourceReader reader,
                 TransactionTemplate transaction, org.anju.platform.OperationsMetrics metrics,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.reports = reports;
        this.regions = regions;
        this.rollups = rollups;
        this.access = access;
        this.reader = reader;
        this.transaction = transaction;
    }

    /**
     * What an import did.
     *
     * @param columns    the item columns read, as the file names them (已发放户数（户）, 到位资金（万元）); null for a repeat of
     *                   an import recorded before they were kept
     * @param repeated   the same file sent again by the same user (double-click, Back and resubmit, a retry) after an
     *                   import of it that nothing has changed since: nothing was written now; the figures are the first's
     * @param importedAt when the figures were written: now, or — repeated — when the first import wrote them
     */
    public record ImportSummary(String fileName, int saved, int submitted, List<String> columns, boolean repeated,
                                java.time.OffsetDateTime importedAt, List<String> totalRows) {

        public ImportSummary(String fileName, int saved, int submitted, List<String> columns, boolean repeated,
                             java.time.OffsetDateTime importedAt) {
            this(fileName, saved, submitted, columns, repeated, importedAt, List.of());
        }

        /**
         * What the import took from the file, said beside its counts: the item columns read (and that an item without
         * a column kept its stored figure), and the 合计 rows it checked and left out; null when not known (a repeat of an
         * import recorded before columns were).
         */
        public String columnsRead() {
            if (columns == null) {
                return null;
            }
            String read = columns.isEmpty() ? "文件中没有月报填报项的列，各月原有数值未改动"
                    : "读取的列：" + String.join("、", columns) + "，文件中没有的项保留原有数值";
            return totalRows == null || totalRows.isEmpty() ? read
                    : read + "；" + String.join("、", totalRows) + "是合计行，与其上各行之和相符，未作为单位月报导入";
        }
    }



    /** How long an import answers a repeat of it. */
    static final java.time.Duration REMEMBER = java.time.Duration.ofDays(30);

    @Override
    public String what() {
        return "月报导入结果";
    }

    /** The outcomes older than {@link #REMEMBER} (also dropped by each import; the scheduled clean-up drops them on time). */
    @Override
    public int dropExpired() {
        return jdbc.sql("delete from report_import_done where done_at < now() - make_interval(secs => ?)")
                .param((double) REMEMBER.toSeconds()).update();
    }

    /** The column header of a form field in the import/export layout: 已发放户数（户）, 中央补助·到位资金（万元）. */
    static String header(ReportItems.Item item) {
        return item.label() + "（" + item.measure() + "）";
    }

    /**
     * Imports monthly figures, one row per unit and month (columns 地区, 月份 and any of the form's
     * fields, see {@link #header}); funds without a source may use 到位资金（万元）, 拨付（万元）, 支出（万元）.
     * As in the project register, a file sets the items it has columns for — a blank cell clears that item — and
     * says nothing about the others: they keep the month's stored figures (a sheet of 已发放户数 alone must not erase
     * the month's funds). With {@code submit} the months are submitted too. A column that is not an import column
     * (发放金额（元）) or is written twice is refused; any problem and nothing is written.
     */
    public ImportSummary importFile(String fileName, byte[] content, String scopeCode, boolean submit) {
        // recorded as an import in the audit trail: the channel is set before the transaction starts
        return metrics.timeImport("reports",
                () -> Access.via(Channel.IMPORT, () -> transaction.execute(status -> once(fileName, content, scopeCode, submit))));
    }

    /**
     * The import, once per file and user (double-submit trial, defect 11): under a lock on (user, content) a repeat waits
     * for the import before it, and when this user's last import of the same content, scope and 上报 choice left every
     * report it wrote at the version it is still at, it is answered with that import's result and nothing is written —
     * not imported again, and not refused "…已上报，不能修改" for the months it submitted itself. Once anything of it has
     * changed (a save, a return) the file is imported as ever, with the refusals that are true then.
     */
    private ImportSummary once(String fileName, byte[] content, String scopeCode, boolean submit) {
        String user = access.current().username();
        String sha256 = sha256(content);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('report_import:' || ? || ':' || ?, 0))")
                .params(user, sha256).query().singleRow();
        java.util.Optional<ImportSummary> first = jdbc.sql("""
                        select d.file_name, d.saved, d.submitted, d.columns, d.done_at
                        from (select * from report_import_done
                              where username = ? and sha256 = ? and scope_code is not distinct from ?::text and submit = ?
                                and done_at >= now() - make_interval(secs => ?)
                              order by done_at desc, id desc limit 1) d
                        where not exists (select from jsonb_to_recordset(d.reports) x(id bigint, version int)
                                          left join report r on r.id = x.id
                                          where r.version is distinct from x.version)""")
                .params(user, sha256, scopeCode, submit, (double) REMEMBER.toSeconds())
                .query((rs, n) -> new ImportSummary(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getArray(4) == null ? null : List.of((String[]) rs.getArray(4).getArray()), true,
                        rs.getObject(5, java.time.OffsetDateTime.class)))
                .optional();
        if (first.isPresent()) {
            return first.get();
        }
        List<Report> written = new ArrayList<>();
        ImportSummary done = importRows(fileName, content, scopeCode, submit, written);
        java.util.Map<Long, Integer> versions = new java.util.LinkedHashMap<>();
        written.forEach(r -> versions.put(r.id(), r.version()));   // a month's last step is its version now
        List<java.util.Map<String, Object>> reports = new ArrayList<>();
        versions.forEach((id, version) -> reports.add(java.util.Map.of("id", id, "version", version)));
        dropExpired();
        java.time.OffsetDateTime at = jdbc.sql("""
                        insert into report_import_done (username, sha256, scope_code, submit, file_name, saved, submitted,
                                                        columns, reports)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning done_at""")
                .params(user, sha256, scopeCode, submit, done.fileName(), done.saved(), done.submitted(),
                        done.columns().toArray(String[]::new), json(reports))
                .query(java.time.OffsetDateTime.class).single();
        return new ImportSummary(done.fileName(), done.saved(), done.submitted(), done.columns(), false, at, done.totalRows());
    }

    private static String json(List<java.util.Map<String, Object>> reports) {
        StringBuilder b = new StringBuilder("[");
        for (java.util.Map<String, Object> r : reports) {
            b.append(b.length() > 1 ? "," : "").append("{\"id\":").append(r.get("id")).append(",\"version\":")
                    .append(r.get("version")).append('}');
        }
        return b.append(']').toString();
    }

    private static String sha256(byte[] content) {
        return org.anju.platform.Sha256.hex(content);
    }

    private ImportSummary importRows(String fileName, byte[] content, String scopeCode, boolean submit, List<Report> written) {
        Region scope = scopeCode == null ? regions.root() : reports.region(scopeCode);
        TableInput table = TableInput.openTwoRowHeader(reader.read(fileName, content), "月份", "月报", List.of("地区", "月份"),
                Set.of(ReportItems.SUBSIDY, ReportItems.PUBLIC_RENTAL, ReportItems.FUNDS), COLUMNS);
        table.require("地区", "月份");
        table.refuseUnknown("月报导入", COLUMNS);
        java.util.Map<ReportItems.Item, String> read = columns(table);
        table.failIfProblems();
        record Row(Region unit, YearMonth period, List<ReportValue> values, TableInput.Row source) {
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the units' figures since the last 合计 row, by item: a 合计 row (as county and city sheets end) is checked
        // against them and left out, said in the answer — it used to be refused "未知地区：合计"
        TableInput.Totals totals = new TableInput.Totals();
        table.rows(row -> {
            if (TableInput.isTotal(row.text("地区"))) {
                totals.check(row, row.text("地区"), read.values());
                return;
            }
            Region unit = row.region("地区", regions, scope == regions.root() ? null : scope);
            if (unit != null && (!regions.contains(scope, unit) || !Reports.REPORTING.contains(unit.kind()))) {
                row.problem("地区", unit.name() + (regions.contains(scope, unit) ? "不是填报单位（县级、开发区或市本级）"
                        : "不在" + scope.name() + "范围内"));
                unit = null;
            }
            if (unit != null) {
                Region writable = unit;
                row.checkAllowed("地区", () -> access.checkWrite(writable));
            }
            YearMonth period = row.month("月份");
            if (row.text("月份") == null) {
                row.problem("月份", "“月份”不能为空");
            } else if (period != null && Reports.futureOrAncient(period) != null) {
                row.problem("月份", Reports.futureOrAncient(period));
                period = null;
            }
            List<ReportValue> values = new ArrayList<>();
            read.forEach((item, header) -> {
                BigDecimal v = row.number(header);
                String implausible = v == null ? null : v.signum() < 0 ? "不能为负数：" + v.toPlainString()
                        : reports.implausible(item.indicatorCode(), v, row.shownRounded(header));
                if (implausible != null) {
                    row.problem(header, header + implausible);
                } else if (v != null) {
                    values.add(new ReportValue(item.indicatorCode(), item.source(), v));
                }
                totals.add(header, v);
            });
            if (unit != null && period != null) {
                if (!seen.add(unit.code() + "@" + period)) {
                    row.problem("地区", unit.name() + " " + period + " 重复出现");
                } else {
                    rows.add(new Row(unit, period, values, row));
                }
            }
        });
        table.failIfProblems();
        table.failIfRefused();
        int submitted = 0;
        // every unit's lock before any report row, in one order: a user submitting or returning one of these months
        // meanwhile (lock, then row) or a register import (locks in id order) never waits on this import crosswise
        rows.stream().mapToInt(r -> r.unit().id()).distinct().sorted().forEach(rollups::lockUnit);
        // the months' stored figures read once, under the units' locks: the fund check and the merge see the same ones,
        // and no save between the file's reading and the locks slips a mix past the check
        List<Report> stored = rows.stream().map(r -> reports.get(r.unit().code(), r.period())).toList();
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            ReportStatus status = stored.get(k).status();
            if (!status.editable()) {
                // said on its row, with the others, before anything is written: it was the whole import's refusal,
                // "导入失败：甘州区2024-01 月报已审核，不能修改", naming neither file nor row (new-user trial)
                r.source().problem("月份", r.unit().name() + r.period().getYear() + "年" + r.period().getMonthValue() + "月月报"
                        + status.label() + "，不能修改：请上级退回后再导入，或从文件中删去该行");
                continue;
            }
            mixedFunds(read, stored.get(k).values()).forEach((header, why) ->
                    r.source().problem(header, r.unit().name() + " " + r.period() + " " + why));
        }
        table.failIfProblems();
        Set<String> readKeys = new HashSet<>();
        read.keySet().forEach(item -> readKeys.add(item.key()));
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            // the file's items over the month's stored figures: an item the file has no column for keeps its figure
            List<ReportValue> merged = new ArrayList<>(r.values());
            stored.get(k).values().stream().filter(v -> !readKeys.contains(key(v))).forEach(merged::add);
            Report saved = reports.save(r.unit().code(), r.period(), stored.get(k).version(), merged);
            written.add(saved);
            if (submit) {
                written.add(reports.submit(r.unit().code(), r.period(), saved.version()));
                submitted++;
            }
        }
        return new ImportSummary(table.file(), rows.size(), submitted, List.copyOf(read.values()), false, null,
                totals.said());
    }

    /**
     * Where the file's fund columns and the month's kept figures of the same stage (到位资金, 拨付, 支出) would be added
     * up without anyone saying so, by the header of the file's column: a total (到位资金（万元）, 未分来源) over figures
     * kept per source (中央补助 100, 省级补助 50), or per-source columns over a kept total. The roll-ups add every source:
     * 150 given as the total would read 300. Whether the column is the total or one more part is not known: asked, not
     * guessed (review 25 H1).
     */
    static java.util.Map<String, String> mixedFunds(java.util.Map<ReportItems.Item, String> read, List<ReportValue> stored) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        Set<String> readKeys = new HashSet<>();
        read.keySet().forEach(item -> readKeys.add(item.key()));
        for (String stage : List.of(ReportItems.FUND_RECEIVED, ReportItems.FUND_DISBURSED, ReportItems.FUND_SPENT)) {
            List<ReportValue> kept = stored.stream().filter(v -> v.indicatorCode().equals(stage) && !readKeys.contains(key(v))).toList();
            List<ReportItems.Item> given = read.keySet().stream().filter(i -> i.indicatorCode().equals(stage)).toList();
            String name = ReportItems.ALL.stream().filter(i -> i.indicatorCode().equals(stage)).findFirst().orElseThrow()
                    .label().replaceAll(".*·", "");
            for (ReportItems.Item item : given) {
                boolean total = item.source().equals("UNSPECIFIED");
                List<ReportValue> other = kept.stream().filter(v -> v.source().equals("UNSPECIFIED") != total).toList();
                if (other.isEmpty()) {
                    continue;
                }
                String figures = other.stream().map(v -> org.anju.progress.FundSource.valueOf(v.source()).label() + " "
                        + org.anju.progress.Rates.figure(v.value())).collect(java.util.stream.Collectors.joining("、"));
                problems.putIfAbsent(read.get(item), total
                        ? "已按来源填报" + name + "（" + figures + " 万元）；“" + read.get(item) + "”是合计还是未分来源的部分无法确定："
                          + "请按来源分列填写，或先在月报页面清除按来源的" + name + "数字后再导入"
                        : "已填报未分来源的" + name + "（" + figures + " 万元）；按来源的“" + read.get(item)
                          + "”与之相加还是替代它无法确定：请在文件中加上“" + name + "（万元）”列（留空即清除该数字），"
                          + "或先在月报页面清除后再导入");
            }
        }
        return problems;
    }

    /** A stored figure's item key, as {@link ReportItems.Item#key()}. */
    private static String key(ReportValue v) {
        return v.source().isEmpty() ? v.indicatorCode() : v.indicatorCode() + "@" + v.source();
    }

    /** 到位资金（万元） for 未分来源·到位资金（万元）: a unit reporting totals only need not name the source. */
    private static String shortHeader(ReportItems.Item item) {
        return item.label().substring(item.label().indexOf('·') + 1) + "（" + item.measure() + "）";
    }

    /** Every header the import reads: 地区, 月份, each item's, and the funds' without a source. */
    static final List<String> COLUMNS;

    static {
        List<String> all = new ArrayList<>(List.of("地区", "月份"));
        ReportItems.ALL.forEach(item -> all.add(header(item)));
        ReportItems.ALL.stream().filter(item -> item.source().equals("UNSPECIFIED")).forEach(item -> all.add(shortHeader(item)));
        COLUMNS = List.copyOf(all);
    }

    /** The items the file has a column for, with that column's header; both forms of one item's header is a problem. */
    private static java.util.Map<ReportItems.Item, String> columns(TableInput table) {
        java.util.Map<ReportItems.Item, String> read = new java.util.LinkedHashMap<>();
        for (ReportItems.Item item : ReportItems.ALL) {
            String full = header(item);
            String other = item.source().equals("UNSPECIFIED") ? shortHeader(item) : null;
            if (table.has(full) && other != null && table.has(other)) {
                table.headerProblem(other, "列“" + other + "”与“" + full + "”是同一项，不能确定读哪一列：请删去其中一列");
            } else if (table.has(full)) {
                read.put(item, full);
            } else if (other != null && table.has(other)) {
                read.put(item, other);
            }
        }
        return read;
    }
}
