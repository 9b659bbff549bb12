package org.anju.report;

import org.anju.platform.ChinaTime;
import org.anju.platform.Table;
import org.anju.platform.Table.Cell;
import org.anju.platform.Titles;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The 月报 and 审核 pages' tables as {@link Table}s (what their 导出Excel writes): 报送完整率与及时率, the units'
 * status, and the approval inbox — from the same lists the pages show, all rows (the pages may show fewer).
 */
final class ReportTables {

    private ReportTables() {
    }

    /** 完整率 = 已上报 ÷ 应报, 及时率 = 按时上报 ÷ 应报: as numbers in percent, "—" without units. */
    static Table completeness(List<Completeness> list, String regionName, YearMonth period) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Completeness c : list) {
            rows.add(List.of(Cell.text(c.regionName()), Cell.integer(c.expected()), Cell.integer(c.submitted()),
                    Cell.integer(c.approved()), Cell.integer(c.returned()), Cell.integer(c.onTime()),
                    Cell.percent(rate(c.submitted(), c.expected())), Cell.percent(rate(c.onTime(), c.expected()))));
        }
        return Table.of("报送完整率", regionName + Titles.month(period) + "月报报送完整率与及时率", Titles.unitLine(regionName, period),
                List.of("地区", "应报单位", "已上报", "已审核", "已退回", "按时上报", "完整率", "及时率"), rows,
                "完整率 = 已上报 ÷ 应报单位；及时率 = 按时上报 ÷ 应报单位。");
    }

    private static BigDecimal rate(int part, int whole) {
        return org.anju.progress.Rates.rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    static Table units(List<ReportInbox.UnitRow> lines, String regionName, YearMonth period, ChinaTime time) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportInbox.UnitRow l : lines) {
            rows.add(List.of(Cell.text(l.unit().name()), Cell.text(l.statusLabel()),
                    l.version() == null ? Cell.EMPTY : Cell.integer(l.version()),
                    Cell.text(l.submittedAt() == null ? "" : time.minute(l.submittedAt())), Cell.text(nullToEmpty(l.submittedByName())),
                    Cell.text(nullToEmpty(l.reviewedByName())), Cell.text(nullToEmpty(l.returnReason())),
                    Cell.text(l.flags() > 0 ? l.flags() + " 处需核实" : "")));
        }
        return Table.of("填报单位", regionName + Titles.month(period) + "月报填报单位报送情况", Titles.unitLine(regionName, period),
                List.of("单位", "状态", "版本", "上报时间", "上报人", "审核人", "退回原因", "提示"), rows, null);
    }

    private static String name(java.util.Map<String, String> names, String username) {
        return username == null ? "" : names.getOrDefault(username, username);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * 待审核: people by name ({@code names}: username → display name, as the page shows them; a username missing from
     * it is printed as is), months and deadlines written the official way (2023年12月, 2024年1月10日).
     */
    static Table pending(ReportInbox.Inbox inbox, java.util.Map<String, String> names, ChinaTime time) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Report r : inbox.pending()) {
            List<String> hints = new ArrayList<>();
            if (r.onTime() != null && !r.onTime()) {
                hints.add("逾期上报");
            }
            if (!r.flags().isEmpty()) {
                hints.add(r.flags().size() + " 处需核实");
            }
            rows.add(List.of(Cell.text(r.regionName()), Cell.text(Titles.month(r.period())), Cell.text(time.minute(r.submittedAt())),
                    Cell.text(name(names, r.submittedBy())), Cell.text(Titles.date(r.deadline())),
                    Cell.text(String.join("；", hints))));
        }
        return Table.of("待审核", inbox.region().name() + "待审核月报", "审核单位：" + inbox.region().name(),
                List.of("单位", "月份", "上报时间", "上报人", "期限", "提示"), rows, null);
    }

    /** 下级单位报送情况: the reviewer by name, the deadline written the official way. */
    static Table inboxUnits(ReportInbox.Inbox inbox, java.util.Map<String, String> names, ChinaTime time) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportInbox.InboxLine l : inbox.units()) {
            Report r = l.report();
            rows.add(List.of(Cell.text(l.unit().name()), Cell.text(l.statusLabel()),
                    Cell.text(r == null ? "" : time.minute(r.submittedAt())), Cell.text(r == null ? "" : name(names, r.reviewedBy())),
                    Cell.text(r == null ? "" : r.returnReason()),
                    Cell.text(l.late() ? "逾期上报" : l.overdue() ? "逾期未报" : "")));
        }
        return Table.of("下级单位报送情况", inbox.region().name() + Titles.month(inbox.period()) + "下级单位报送情况",
                "审核单位：" + inbox.region().name() + "　报送期限：" + Titles.date(inbox.deadline()),
                List.of("单位", "状态", "上报时间", "审核人", "退回原因", "提示"), rows, null);
    }
}
