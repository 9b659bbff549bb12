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
    static LocalDate today() {
        return OffsetDateTime.now(Reports.CHINA).toLocalDate();
    }
}
