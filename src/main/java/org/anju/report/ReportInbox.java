package org.anju.report;

import org.anju.account.Access;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.anju.platform.ChinaTime.today;

/**
 * The read side of the monthly reports: an administrator's approval inbox, a subtree's reports of a month, its
 * completeness and timeliness, and who has not reported. Checks access itself, as {@link Reports} does; the
 * reports are shown as {@link Reports} shows them.
 */
@Service
public class ReportInbox {

    private final ReportRepository repository;
    private final Regions regions;
    private final Access access;
    private final Reports reports;

    ReportInbox(ReportRepository repository, Regions regions, Access access, Reports reports) {
        this.repository = repository;
        this.regions = regions;
        this.access = access;
        this.reports = reports;
    }

    /**
     * A unit's line in the approval inbox for a month: its report (null: not started), and whether it came
     * late ({@code late}: submitted after the deadline) or is overdue (not submitted, deadline passed).
     */
    record InboxLine(Region unit, Report report, boolean late, boolean overdue) {

        public String statusLabel() {
            return report == null || report.id() == null ? "未填报" : report.status().label();
        }
    }

    /**
     * What an administrator has to review: every submitted report of the units directly below them (any month),
     * and for the chosen month each such unit's status, with counts per status.
     */
    record Inbox(Region region, YearMonth period, LocalDate deadline, List<Report> pending, List<InboxLine> units,
                 Map<String, Integer> counts) {
    }

    Inbox inbox(YearMonth period) {
        Region own = access.current().region();
        List<Report> pending = repository.submittedBelow(own.id()).stream()
                .map(h -> reports.view(regions.byId(h.regionId()), h)).toList();
        Map<Integer, ReportRepository.Head> heads = new LinkedHashMap<>();
        repository.heads(own.id(), period).forEach(h -> heads.put(h.regionId(), h));
        LocalDate today = today();
        List<InboxLine> units = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ReportStatus s : ReportStatus.values()) {
            counts.put(s.label(), 0);
        }
        counts.put("未填报", 0);
        for (Region child : regions.children(own)) {
            if (child.kind() == RegionKind.GROUP || !access.canApprove(child)) {
                continue;
            }
            ReportRepository.Head h = heads.get(child.id());
            Report r = h == null ? null : reports.view(child, h);
            boolean late = h != null && h.submittedAt() != null && !Reports.onTime(h);
            boolean overdue = (h == null || !h.status().counted() && h.submittedAt() == null)
                    && today.isAfter(reports.deadline(period));
            InboxLine line = new InboxLine(child, r, late, overdue);
            counts.merge(line.statusLabel(), 1, Integer::sum);
            units.add(line);
        }
        return new Inbox(own, period, reports.deadline(period), pending, units, counts);
    }

    /**
     * One reporting unit's line in the month's list: its report's state (status null: 未填报) and the people by name
     * (上报人, 审核人 — joined from the accounts in the same query; 系统 for the system).
     */
    public record UnitRow(Region unit, ReportStatus status, Integer version, OffsetDateTime submittedAt,
                          String submittedBy, String submittedByName, OffsetDateTime reviewedAt, String reviewedBy,
                          String reviewedByName, String returnReason, int flags) {

        public String statusLabel() {
            return status == null ? "未填报" : status.label();
        }
    }

    /** The status filter's choices: each status and 未填报 (NONE). */
    public static final Map<String, String> STATUS_CHOICES = statusChoices();

    private static Map<String, String> statusChoices() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NONE", "未填报");
        for (ReportStatus s : ReportStatus.values()) {
            m.put(s.name(), s.label());
        }
        return m;
    }

    /**
     * A page of the reporting units of a subtree with their report of the month, in SQL (a national month is 3,000+
     * units: never all loaded): filtered by status (a {@link ReportStatus} name, or NONE for 未填报) and a text (part
     * of the unit's name, or the start of its code); ordered by the unit's code.
     */
    public org.anju.platform.Page<UnitRow> units(String scopeCode, YearMonth period, String status, String text,
                                                 org.anju.platform.PageRequest page) {
        Region scope = reports.region(scopeCode);
        access.checkRead(scope);
        String st = status == null || status.isBlank() ? null : status.strip();
        if (st != null && !STATUS_CHOICES.containsKey(st)) {
            throw new org.anju.platform.BadInput("参数 status（状态）“" + st + "”不对：应为 "
                    + String.join("、", STATUS_CHOICES.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + "）").toList()));
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scope.id());
        params.put("period", ReportRepository.day(period));
        params.put("kinds", Reports.REPORTING.stream().map(Enum::name).toList());
        params.put("status", st);
        params.put("text", t);
        String where = """
                from region g
                join region_ancestor a on a.region_id = g.id and a.ancestor_id = :scope
                left join report r on r.region_id = g.id and r.period = :period
                where g.kind in (:kinds)
                  and (cast(:status as text) is null or :status = 'NONE' and r.id is null or r.status = :status)
                  and (cast(:text as text) is null or g.name like '%' || :text || '%' or g.code like :text || '%')""";
        return repository.page(page, "select count(*) " + where, """
                select g.id as unit_id, r.status, r.version, r.submitted_at, r.submitted_by, su.display_name as submitted_name,
                       r.reviewed_at, r.reviewed_by, ru.display_name as reviewed_name, r.return_reason,
                       (select count(*) from report_flag f where f.report_id = r.id) as flags
                """ + where.replace("where g.kind", """
                left join users su on su.username = r.submitted_by
                left join users ru on ru.username = r.reviewed_by
                where g.kind""") + "\norder by g.code, g.id", params, (rs, n) -> {
            String status1 = rs.getString("status");
            return new UnitRow(regions.byId(rs.getInt("unit_id")), status1 == null ? null : ReportStatus.valueOf(status1),
                    status1 == null ? null : rs.getInt("version"), rs.getObject("submitted_at", OffsetDateTime.class),
                    rs.getString("submitted_by"), person(rs.getString("submitted_by"), rs.getString("submitted_name")),
                    rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("reviewed_by"),
                    person(rs.getString("reviewed_by"), rs.getString("reviewed_name")), rs.getString("return_reason"),
                    rs.getInt("flags"));
        });
    }

    /**
     * Every matching unit (what the 月报 page's 导出Excel writes), read {@value #EXPORT_PAGE} at a time as the page reads
     * them but in one read-only REPEATABLE READ transaction: every page sees the same snapshot, so a report submitted
     * or a unit added during the export can neither skip nor repeat a row, nor make the last page vanish (a 400 from
     * {@link org.anju.platform.Page#checkInRange} mid-export).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true,
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public List<UnitRow> unitsAll(String scopeCode, YearMonth period, String status, String text) {
        List<UnitRow> all = new java.util.ArrayList<>();
        org.anju.platform.Page<UnitRow> page;
        int at = 1;
        do {
            page = units(scopeCode, period, status, text, new org.anju.platform.PageRequest(at++, EXPORT_PAGE));
            all.addAll(page.items());
        } while (page.hasNext());
        return all;
    }

    static final int EXPORT_PAGE = 200;

    /** A person by name: the account's name, 系统 for the system, 命令行 for the command line; "" for none. */
    static String person(String username, String displayName) {
        if (username == null) {
            return "";
        }
        if (displayName != null) {
            return displayName;
        }
        if (username.equals("system")) {
            return "系统";
        }
        return username.startsWith("cli:") ? "命令行（" + username.substring(4) + "）" : username;
    }

    /**
     * Which of {@code unitIds} have submitted the month (counted: 已上报, 审核通过, 已锁定) — for the reminders' box,
     * where a month submitted since their last run is no longer "尚未上报". No access check: the caller lists only
     * units it reads, and learns no more than their reminders already say.
     */
    public java.util.Set<Integer> countedAmong(java.util.Collection<Integer> unitIds, YearMonth period) {
        return unitIds.isEmpty() ? java.util.Set.of() : repository.counted(unitIds, period);
    }

    /** Reports of a region's subtree for a month (units that have started one). */
    public List<Report> list(String scopeCode, YearMonth period) {
        Region scope = reports.region(scopeCode);
        access.checkRead(scope);
        return repository.heads(scope.id(), period).stream()
                .map(h -> reports.view(regions.byId(h.regionId()), h))
                .sorted(java.util.Comparator.comparing(Report::regionCode)).toList();
    }

    /** Completeness and timeliness of the region and of each of its children. */
    public List<Completeness> completeness(String scopeCode, YearMonth period) {
        Region scope = reports.region(scopeCode);
        access.checkRead(scope);
        Map<Integer, ReportRepository.Head> heads = new LinkedHashMap<>();
        repository.heads(scope.id(), period).forEach(h -> heads.put(h.regionId(), h));
        List<Completeness> list = new ArrayList<>();
        list.add(completeness(scope, heads));
        for (Region child : regions.children(scope)) {
            if (child.kind() != RegionKind.GROUP) {
                list.add(completeness(child, heads));
            }
        }
        return list;
    }

    /** Reporting units of a subtree that have not submitted the month (for warnings). */
    public List<Region> missing(Region scope, YearMonth period) {
        Set<Integer> counted = new HashSet<>();
        repository.heads(scope.id(), period).stream().filter(h -> h.status().counted()).forEach(h -> counted.add(h.regionId()));
        return reportingUnits(scope).stream().filter(r -> !counted.contains(r.id())).toList();
    }

    /** The units of a subtree that report ({@link Reports#REPORTING}). */
    List<Region> reportingUnits(Region scope) {
        return regions.subtree(scope).stream().filter(r -> Reports.REPORTING.contains(r.kind())).toList();
    }

    private Completeness completeness(Region r, Map<Integer, ReportRepository.Head> heads) {
        int expected = 0;
        int submitted = 0;
        int approved = 0;
        int onTime = 0;
        int returned = 0;
        for (Region u : reportingUnits(r)) {
            expected++;
            ReportRepository.Head h = heads.get(u.id());
            if (h == null) {
                continue;
            }
            if (h.status().counted()) {
                submitted++;
            }
            if (h.status() == ReportStatus.APPROVED || h.status() == ReportStatus.LOCKED) {
                approved++;
            }
            if (h.status() == ReportStatus.RETURNED) {
                returned++;
            }
            if (Reports.onTime(h)) {
                onTime++;
            }
        }
        return new Completeness(r.code(), r.name(), expected, submitted, approved, onTime, returned);
    }

    /** Today in China (deadlines are Beijing dates). */
}
