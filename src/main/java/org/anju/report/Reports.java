package org.anju.report;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.indicator.Indicators;
import org.anju.progress.Fact;
import org.anju.progress.ProgressTargets;
import org.anju.progress.Rollups;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Monthly reports and their workflow: draft → submitted → approved (or returned with a reason by the
 * level above) → locked. Submitting puts the unit's month — its entered figures and its projects' —
 * into the roll-ups; returning takes it out again.
 */
@Service
public class Reports {

    /** Units that report: county-level divisions, development zones, 市本级. */
    public static final Set<RegionKind> REPORTING = java.util.Arrays.stream(RegionKind.values()).filter(RegionKind::reports)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(RegionKind.class)));
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ReportRepository repository;
    private final Regions regions;
    private final Indicators indicators;
    private final Projects projects;
    private final Rollups rollups;
    private final ProgressTargets targets;
    private final Access access;
    private final org.anju.intake.SourceReader reader;
    private final int deadlineDay;
    private final org.anju.account.AuditTrail audit;
    private final org.anju.progress.FigureLimits limits;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    Reports(ReportRepository repository, Regions regions, Indicators indicators, Projects projects, Rollups rollups,
            ProgressTargets targets, Access access, org.anju.intake.SourceReader reader,
            org.springframework.transaction.support.TransactionTemplate transaction, org.anju.account.AuditTrail audit,
            @Value("${anju.report.deadline-day:5}") int deadlineDay, org.anju.progress.FigureLimits limits) {
        this.limits = limits;
        this.audit = audit;
        this.transaction = transaction;
        this.repository = repository;
        this.regions = regions;
        this.indicators = indicators;
        this.projects = projects;
        this.rollups = rollups;
        this.targets = targets;
        this.access = access;
        this.reader = reader;
        this.deadlineDay = deadlineDay;
    }

    /** The deadline of a month's report: day {@code anju.report.deadline-day} (5) of the next month. */
    /** After the access check (a stranger learns nothing): a city's own figures are 市本级's, filed there. */
    private static void checkReporting(Region unit) {
        if (!unit.kind().reports()) {
            // a report of the city itself would be counted in the sums and shown nowhere
            throw new org.anju.platform.BadInput(unit.name() + "不是填报单位（县级、开发区或市本级），月报由其下属填报单位填报");
        }
    }

    /** A month that has not begun cannot be reported, nor one before the program's records (a 0000-01 typo). */
    private static void checkPeriod(YearMonth period) {
        String problem = futureOrAncient(period);
        if (problem != null) {
            throw new org.anju.platform.BadInput(problem);
        }
    }

    private static String futureOrAncient(YearMonth period) {
        YearMonth now = YearMonth.now(CHINA);
        if (period.isAfter(now)) {
            return "不能填报未来的月份 " + period + "（本月为 " + now + "）";
        }
        if (period.getYear() < 1990) {
            return "月份 " + period + " 不对：年份应在 1990 年以后";
        }
        return null;
    }

    public LocalDate deadline(YearMonth period) {
        return period.plusMonths(1).atDay(Math.min(deadlineDay, period.plusMonths(1).lengthOfMonth()));
    }

    /** The unit's report for the month; an empty draft (id null, version 0) when not started. */
    public Report get(String regionCode, YearMonth period) {
        Region unit = region(regionCode);
        access.checkRead(unit);
        return repository.head(unit.id(), period, false).map(h -> view(unit, h))
                .orElseGet(() -> new Report(null, unit.code(), unit.name(), period, ReportStatus.DRAFT, 0,
                        deadline(period), null, null, null, null, null, List.of(), List.of(), List.of(), null));
    }

    /**
     * Saves the figures of a draft or returned report (all of them: what is not passed is cleared).
     *
     * @param version the version read (0 for a month not yet started)
     * @throws IllegalStateException when someone else changed it since, or it is not editable
     * @throws IllegalArgumentException for a negative or unknown figure
     */
    @Transactional
    public Report save(String regionCode, YearMonth period, int version, List<ReportValue> values) {
        Region unit = unit(regionCode);
        access.checkWrite(unit);
        checkReporting(unit);
        checkPeriod(period);
        List<ReportValue> clean = validate(values);
        Actor actor = access.current();
        ReportRepository.Head head = repository.head(unit.id(), period, true).orElse(null);
        long id;
        if (head == null) {
            if (version != 0) {
                throw stale(unit, period);
            }
            id = repository.create(unit.id(), period, deadline(period), actor.username());
            head = repository.head(id).orElseThrow();
        }
        ReportStep.SAVE.check(unit.name(), period, head.status());
        if (!repository.bump(head.id(), version, head.status(), actor.username())) {
            throw stale(unit, period);
        }
        repository.replaceValues(head.id(), clean);
        List<ReportFlag> flags = Plausibility.check(clean, repository.previousValues(unit.id(), period),
                targets.forRegion(unit, period.getYear()));
        repository.replaceFlags(head.id(), flags);
        repository.event(head.id(), ReportStep.SAVE.name(), head.status(), head.status(), actor.username(), actor.via().name(), null);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /** Submits to the level above; from now on the month counts in every roll-up above the unit. */
    @Transactional
    public Report submit(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkWrite(unit);
        checkReporting(unit);
        checkPeriod(period);
        Actor actor = access.current();
        // the unit's projects are read into the sums: no change to them in between (taken before the report's row,
        // in the same order as a return, so the two never wait on each other crosswise)
        rollups.lockUnit(unit.id());
        ReportRepository.Head head = repository.head(unit.id(), period, true).orElse(null);
        if (head == null) {
            if (version != 0) {
                throw stale(unit, period);
            }
            // a unit with projects only may submit without entering anything
            long id = repository.create(unit.id(), period, deadline(period), actor.username());
            head = repository.head(id).orElseThrow();
        }
        move(unit, head, version, ReportStep.SUBMIT, null, actor);
        repository.submitted(head.id(), actor.username());
        rollups.replace(unit.id(), period, facts(unit, period, repository.values(head.id())));
        rollups.counted(unit.id(), period, true);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /**
     * Dates a report that is being loaded from before the platform (a past month's paper or spreadsheet report)
     * with when it was really submitted and approved, so 及时率 means what it says. Only the system may: a user's
     * report keeps the time it was really submitted.
     */
    @Transactional
    public void stamp(String regionCode, YearMonth period, java.time.OffsetDateTime submittedAt,
                      java.time.OffsetDateTime approvedAt) {
        if (!access.current().system()) {
            throw new org.anju.platform.Conflict("只有系统导入历史数据时可以设定上报时间");
        }
        if (approvedAt.isBefore(submittedAt)) {
            throw new org.anju.platform.BadInput("审核时间早于上报时间：" + approvedAt + " < " + submittedAt);
        }
        Region unit = unit(regionCode);
        ReportRepository.Head head = repository.head(unit.id(), period, true)
                .orElseThrow(() -> new org.anju.platform.NotFound(unit.name() + period + " 没有月报"));
        repository.stamp(head.id(), submittedAt, approvedAt);
    }

    /** The level above accepts the month. */
    @Transactional
    public Report approve(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        ReportRepository.Head head = existing(unit, period);
        Actor actor = access.current();
        move(unit, head, version, ReportStep.APPROVE, null, actor);
        repository.reviewed(head.id(), actor.username(), null);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /**
     * The level above sends the month back with a reason; it leaves the roll-ups until resubmitted. A locked month
     * is reopened the same way (recorded as 解锁退回): locked means final until the approver, in writing, says not.
     */
    @Transactional
    public Report returnReport(String regionCode, YearMonth period, int version, String reason) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        if (reason == null || reason.isBlank()) {
            throw new org.anju.platform.BadInput("退回须填写原因");
        }
        rollups.lockUnit(unit.id());
        ReportRepository.Head head = existing(unit, period);
        Actor actor = access.current();
        move(unit, head, version, ReportStep.returning(head.status()), reason.strip(), actor);
        repository.reviewed(head.id(), actor.username(), reason.strip());
        rollups.replace(unit.id(), period, List.of());
        rollups.counted(unit.id(), period, false);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /** Locks an approved month: final — only the approver may reopen it, with a reason ({@link #returnReport}). */
    @Transactional
    public Report lock(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        ReportRepository.Head head = existing(unit, period);
        move(unit, head, version, ReportStep.LOCK, null, access.current());
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /**
     * A unit's line in the approval inbox for a month: its report (null: not started), and whether it came
     * late ({@code late}: submitted after the deadline) or is overdue (not submitted, deadline passed).
     */
    public record InboxLine(Region unit, Report report, boolean late, boolean overdue) {

        public String statusLabel() {
            return report == null || report.id() == null ? "未填报" : report.status().label();
        }
    }

    /**
     * What an administrator has to review: every submitted report of the units directly below them (any month),
     * and for the chosen month each such unit's status, with counts per status.
     */
    public record Inbox(Region region, YearMonth period, LocalDate deadline, List<Report> pending, List<InboxLine> units,
                        Map<String, Integer> counts) {
    }

    public Inbox inbox(YearMonth period) {
        Region own = access.current().region();
        List<Report> pending = repository.submittedBelow(own.id()).stream()
                .map(h -> view(regions.byId(h.regionId()), h)).toList();
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
            Report r = h == null ? null : view(child, h);
            boolean late = h != null && h.submittedAt() != null && !onTime(h);
            boolean overdue = (h == null || !h.status().counted() && h.submittedAt() == null) && today.isAfter(deadline(period));
            InboxLine line = new InboxLine(child, r, late, overdue);
            counts.merge(line.statusLabel(), 1, Integer::sum);
            units.add(line);
        }
        return new Inbox(own, period, deadline(period), pending, units, counts);
    }

    /** Whether the current user may enter the unit's figures (the page shows the grid editable or not). */
    public boolean canWrite(String regionCode) {
        return access.canWrite(region(regionCode));
    }

    /** Whether the current user may approve, return or lock the unit's months. */
    public boolean canApprove(String regionCode) {
        return access.canApprove(region(regionCode));
    }

    /** One figure's changes, oldest first: every save, import and correction, with who and how. */
    public List<org.anju.account.AuditEntry> history(Report report, ReportItems.Item item) {
        access.checkRead(region(report.regionCode()));
        if (report.id() == null) {
            return List.of();
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("report_id", report.id());
        key.put("indicator_id", indicators.byCode(item.indicatorCode()).orElseThrow().id());
        key.put("source", item.source());
        return audit.history("report_value", key);
    }

    /** What an import did. */
    public record ImportSummary(String fileName, int saved, int submitted) {
    }

    /** The column header of a form field in the import/export layout: 已发放户数（户）, 中央补助·到位资金（万元）. */
    public static String header(ReportItems.Item item) {
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
        return Access.via(Channel.IMPORT, () -> transaction.execute(status -> importRows(fileName, content, scopeCode, submit)));
    }

    private ImportSummary importRows(String fileName, byte[] content, String scopeCode, boolean submit) {
        Region scope = scopeCode == null ? regions.root() : region(scopeCode);
        org.anju.progress.TableInput table = org.anju.progress.TableInput.open(reader.read(fileName, content), "月份", "月报");
        table.require("地区", "月份");
        table.failIfProblems();
        record Row(Region unit, YearMonth period, List<ReportValue> values) {
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        table.rows(row -> {
            Region unit = row.region("地区", regions, scope == regions.root() ? null : scope);
            if (unit != null && (!regions.contains(scope, unit) || !REPORTING.contains(unit.kind()))) {
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
            } else if (period != null && futureOrAncient(period) != null) {
                row.problem("月份", futureOrAncient(period));
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
                            : implausible(item.indicatorCode(), v);
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
            Report saved = save(r.unit().code(), r.period(), get(r.unit().code(), r.period()).version(), r.values());
            if (submit) {
                submit(r.unit().code(), r.period(), saved.version());
                submitted++;
            }
        }
        return new ImportSummary(table.file(), rows.size(), submitted);
    }

    /** Reports of a region's subtree for a month (units that have started one). */
    public List<Report> list(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        return repository.heads(scope.id(), period).stream()
                .map(h -> view(regions.byId(h.regionId()), h))
                .sorted(java.util.Comparator.comparing(Report::regionCode)).toList();
    }

    /** Completeness and timeliness of the region and of each of its children. */
    public List<Completeness> completeness(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
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

    public List<Region> reportingUnits(Region scope) {
        return regions.subtree(scope).stream().filter(r -> REPORTING.contains(r.kind())).toList();
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
            if (onTime(h)) {
                onTime++;
            }
        }
        return new Completeness(r.code(), r.name(), expected, submitted, approved, onTime, returned);
    }

    private static boolean onTime(ReportRepository.Head h) {
        return h.submittedAt() != null && !h.submittedAt().atZoneSameInstant(CHINA).toLocalDate().isAfter(h.deadline());
    }

    /** The unit's figures for the roll-ups: entered ones and what its projects add up to. */
    private List<Fact> facts(Region unit, YearMonth period, List<ReportValue> values) {
        List<Fact> facts = new ArrayList<>(projects.facts(unit, period));
        for (ReportValue v : values) {
            facts.add(new Fact(indicators.byCode(v.indicatorCode()).orElseThrow().id(), v.source(), v.value()));
        }
        return facts;
    }

    /** Takes the step ({@link ReportStep}: refused from a status it may not start from) if the version is current. */
    private void move(Region unit, ReportRepository.Head head, int version, ReportStep step, String reason, Actor actor) {
        step.check(unit.name(), head.period(), head.status());
        ReportStatus to = step.after(head.status());
        if (!repository.bump(head.id(), version, to, actor.username())) {
            throw stale(unit, head.period());
        }
        repository.event(head.id(), step.name(), head.status(), to, actor.username(), actor.via().name(), reason);
    }

    private ReportRepository.Head existing(Region unit, YearMonth period) {
        return repository.head(unit.id(), period, true)
                .orElseThrow(() -> new org.anju.platform.NotFound(unit.name() + " 尚无 " + period + " 月报"));
    }

    private List<ReportValue> validate(List<ReportValue> values) {
        Map<String, ReportValue> clean = new LinkedHashMap<>();
        for (ReportValue v : values == null ? List.<ReportValue>of() : values) {
            if (v.value() == null) {
                continue;
            }
            if (indicators.byCode(v.indicatorCode()).isEmpty() || !ReportItems.known(v.indicatorCode(), v.source())) {
                throw new org.anju.platform.BadInput("不是月报填报项：" + v.indicatorCode()
                        + (v.source().isEmpty() ? "" : "（" + v.source() + "）"));
            }
            if (v.value().signum() < 0) {
                throw new org.anju.platform.BadInput(label(v) + "不能为负数：" + v.value());
            }
            String implausible = implausible(v.indicatorCode(), v.value());
            if (implausible != null) {
                // 1e131071 户 would pass into every roll-up above the unit: no figure of a county is that large
                throw new org.anju.platform.BadInput(label(v) + implausible);
            }
            if (clean.put(v.indicatorCode() + "@" + v.source(), v) != null) {
                throw new org.anju.platform.BadInput("填报项重复：" + v.indicatorCode() + " " + v.source());
            }
        }
        return List.copyOf(clean.values());
    }

    /** Why a figure is beyond what a unit's month may hold ({@link org.anju.progress.FigureLimits}); null when not. */
    private String implausible(String indicatorCode, BigDecimal value) {
        org.anju.indicator.Indicator indicator = indicators.byCode(indicatorCode).orElseThrow();
        return limits.problem(value, limits.max(indicator), indicator.measureName());
    }

    private static String label(ReportValue v) {
        return ReportItems.ALL.stream().filter(i -> i.indicatorCode().equals(v.indicatorCode()) && i.source().equals(v.source()))
                .findFirst().map(i -> i.group() + "·" + i.label()).orElse(v.indicatorCode());
    }

    private Report view(Region unit, ReportRepository.Head h) {
        return new Report(h.id(), unit.code(), unit.name(), h.period(), h.status(), h.version(), h.deadline(),
                h.submittedAt(), h.submittedBy(), h.reviewedAt(), h.reviewedBy(), h.returnReason(),
                repository.values(h.id()), repository.flags(h.id()), repository.events(h.id()),
                h.submittedAt() == null ? null : onTime(h));
    }

    private static IllegalStateException stale(Region unit, YearMonth period) {
        return new org.anju.platform.ConcurrentUpdateException(unit.name() + " " + period + " 月报已被他人修改，请刷新后重试（未保存任何内容）");
    }

    private Region unit(String code) {
        Region r = region(code);
        if (r.kind() == RegionKind.GROUP) {
            throw new org.anju.platform.BadInput(r.name() + "是片区，不单独填报；请由其成员单位填报");
        }
        return r;
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }

    /** Today in China (deadlines are Beijing dates). */
    static LocalDate today() {
        return OffsetDateTime.now(CHINA).toLocalDate();
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
