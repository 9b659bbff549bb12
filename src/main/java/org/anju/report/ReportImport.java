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
public class ReportImport {

    private final Reports reports;
    private final Regions regions;
    private final Rollups rollups;
    private final Access access;
    private final SourceReader reader;
    private final TransactionTemplate transaction;
    private final org.anju.platform.OperationsMetrics metrics;

    ReportImport(Reports reports, Regions regions, Rollups rollups, Access access, SourceReader reader,
                 TransactionTemplate transaction, org.anju.platform.OperationsMetrics metrics) {
        this.metrics = metrics;
        this.reports = reports;
        this.regions = regions;
        this.rollups = rollups;
        this.access = access;
        this.reader = reader;
        this.transaction = transaction;
    }

    /** What an import did. */
    public record ImportSummary(String fileName, int saved, int submitted) {
    }

    /** The column header of a form field in the import/export layout: 已发放户数（户）, 中央补助·到位资金（万元）. */
    static String header(ReportItems.Item item) {
        return item.label() + "（" + item.measure() + "）";
    }

    /**
     * Imports monthly figures, one row per unit and month (columns 地区, 月份 and any of the form's
     * fields, see {@link #header}); funds without a source may use 到位资金（万元）, 拨付（万元）, 支出（万元）.
     * Each row replaces that month's figures; with {@code submit} the months are submitted too.
     * Any bad cell and nothing is written.
     */
    public ImportSummary importFile(String fileName, byte[] content, String scopeCode, boolean submit) {
        // recorded as an import in the audit trail: the channel is set before the transaction starts
        return metrics.timeImport("reports",
                () -> Access.via(Channel.IMPORT, () -> transaction.execute(status -> importRows(fileName, content, scopeCode, submit))));
    }

    private ImportSummary importRows(String fileName, byte[] content, String scopeCode, boolean submit) {
        Region scope = scopeCode == null ? regions.root() : reports.region(scopeCode);
        TableInput table = TableInput.open(reader.read(fileName, content), "月份", "月报");
        table.require("地区", "月份");
        table.failIfProblems();
        record Row(Region unit, YearMonth period, List<ReportValue> values) {
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        table.rows(row -> {
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
            for (ReportItems.Item item : ReportItems.ALL) {
                String header = header(item);
                if (!table.has(header) && item.source().equals("UNSPECIFIED")) {
                    header = item.label().substring(item.label().indexOf('·') + 1) + "（万元）";
                }
                if (table.has(header)) {
                    BigDecimal v = row.number(header);
                    String implausible = v == null ? null : v.signum() < 0 ? "不能为负数：" + v.toPlainString()
                            : reports.implausible(item.indicatorCode(), v, row.shownRounded(header));
                    if (implausible != null) {
                        row.problem(header, header + implausible);
                    } else if (v != null) {
                        values.add(new ReportValue(item.indicatorCode(), item.source(), v));
                    }
                }
            }
            if (unit != null && period != null) {
                if (!seen.add(unit.code() + "@" + period)) {
                    row.problem("地区", unit.name() + " " + period + " 重复出现");
                } else {
                    rows.add(new Row(unit, period, values));
                }
            }
        });
        table.failIfProblems();
        table.failIfRefused();
        int submitted = 0;
        // every unit's lock before any report row, in one order: a user submitting or returning one of these months
        // meanwhile (lock, then row) or a register import (locks in id order) never waits on this import crosswise
        rows.stream().mapToInt(r -> r.unit().id()).distinct().sorted().forEach(rollups::lockUnit);
        for (Row r : rows) {
            Report saved = reports.save(r.unit().code(), r.period(), reports.get(r.unit().code(), r.period()).version(),
                    r.values());
            if (submit) {
                reports.submit(r.unit().code(), r.period(), saved.version());
                submitted++;
            }
        }
        return new ImportSummary(table.file(), rows.size(), submitted);
    }
}
