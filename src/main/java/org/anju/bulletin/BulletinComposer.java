package org.anju.bulletin;

import org.anju.bulletin.BulletinFigures.Count;
import org.anju.bulletin.BulletinFigures.Entry;
import org.anju.bulletin.BulletinFigures.EntryUnit;
import org.anju.bulletin.BulletinFigures.FundUnit;
import org.anju.bulletin.BulletinFigures.Funds;
import org.anju.bulletin.BulletinFigures.Header;
import org.anju.bulletin.BulletinFigures.Lagging;
import org.anju.bulletin.BulletinFigures.Milestone;
import org.anju.bulletin.BulletinFigures.Overdue;
import org.anju.bulletin.BulletinFigures.Problems;
import org.anju.bulletin.BulletinFigures.ProgramProgress;
import org.anju.bulletin.BulletinFigures.ProgramUnit;
import org.anju.bulletin.BulletinFigures.RatedUnit;
import org.anju.bulletin.BulletinFigures.Reporting;
import org.anju.bulletin.BulletinFigures.Scope;
import org.anju.bulletin.BulletinFigures.Source;
import org.anju.bulletin.BulletinFigures.Stalled;
import org.anju.bulletin.BulletinFigures.Subsidy;
import org.anju.bulletin.BulletinFigures.SubsidyTotal;
import org.anju.bulletin.BulletinFigures.SubsidyUnit;
import org.anju.indicator.Program;
import org.anju.progress.FundSource;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.report.ReportInbox;
import org.anju.supervision.Ranking;
import org.anju.supervision.Supervision;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes a bulletin from the roll-ups, the register and the supervision checks: it computes what each section
 * states ({@link BulletinFigures}) and leaves the sentences to {@link BulletinProse}, whose words are in
 * {@code bulletin/wording.properties}.
 */
@Component
class BulletinComposer {

    /** Programs with projects, in the order seed 004's text takes them (附件1: {@link BulletinTables#TABLE_PROGRAMS}). */
    static final List<String> TEXT_PROGRAMS = List.of("OLD_COMMUNITY", "AFFORDABLE_RENTAL", "SHANTYTOWN",
            "MINING_SHANTYTOWN", "PUBLIC_RENTAL", "SHARED_OWNERSHIP");
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
    static final String AMOUNT = "RENTAL_SUBSIDY.ISSUE.YUAN_10K";
    static final String ONLINE = "RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    static final String SPENT = "HOUSING.FUND_SPENT.YUAN_10K";

    private final Progress progress;
    private final Supervision supervision;
    private final Projects projects;
    private final ReportInbox reports;
    private final BulletinWording words;
    private final BulletinProse prose;

    BulletinComposer(Progress progress, Supervision supervision, Projects projects, ReportInbox reports,
                     org.anju.region.Regions regions,
                     org.springframework.beans.factory.ObjectProvider<org.anju.progress.RecordedFigures> records,
                     org.anju.ledger.item.Ledger ledger) {
        this.ledger = ledger;
        this.regions = regions;
        this.records = records;
        this.progress = progress;
        this.supervision = supervision;
        this.projects = projects;
        this.reports = reports;
        this.words = BulletinWording.load();
        this.prose = new BulletinProse(words);
    }

    private final org.anju.region.Regions regions;
    private final org.anju.ledger.item.Ledger ledger;
    private final org.springframework.beans.factory.ObjectProvider<org.anju.progress.RecordedFigures> records;

    /** Everything a bulletin says, for one region's subtree. */
    record Data(Region scope, YearMonth period, Scope when, ProgressSummary total, List<ProgressSummary> units) {

        String scopeLabel() {
            return when.label();
        }
    }

    Bulletin compose(Region scope, YearMonth period, String issuer, String documentNumber, LocalDate date) {
        return compose(scope, period, issuer, documentNumber, date, List.of());
    }

    /** The units below {@code scope} as the bulletin lists them: the region list's order (code order). */
    List<Region> units(Region scope) {
        return supervision.units(scope);
    }

    /**
     * As {@link #compose(Region, YearMonth, String, String, LocalDate)}, the units (text and tables) in the issuer's
     * {@code order} of region codes; units it does not name follow in the region list's order.
     */
    Bulletin compose(Region scope, YearMonth period, String issuer, String documentNumber, LocalDate date, List<String> order) {
        List<ProgressSummary> units = progress.summaries(ordered(supervision.units(scope), order), period);
        Scope when = new Scope(period.getYear(), period.getMonthValue(), prose.scopeLabel(scope.kind(), scope.name()));
        Data d = new Data(scope, period, when, progress.summary(scope, period), units);
        List<Bulletin.Section> progressSections = new ArrayList<>();
        // every program's 续建结转 in one statement, not one per program (issue 15)
        Map<String, List<org.anju.project.Projects.CarriedOver>> carried = projects.carriedOver(scope, period);
        // and every program's count of the year's projects in one (issue 15, second session)
        Map<String, Integer> ofYear = projects.countsOfYear(scope, period.getYear());
        for (String program : TEXT_PROGRAMS) {
            program(d, program, carried.getOrDefault(program, List.of()), ofYear.getOrDefault(program, 0))
                    .map(prose::program).ifPresent(progressSections::add);
        }
        subsidy(d).map(prose::subsidy).ifPresent(progressSections::add);
        funds(d).map(prose::funds).ifPresent(progressSections::add);
        entry(d).map(prose::entry).ifPresent(progressSections::add);
        List<org.anju.ledger.item.Standing> standing = standing(d);
        prose.ledgers(ledgers(d, standing)).ifPresent(progressSections::add);
        List<String> problems = prose.problems(problems(d), ledgerLate(standing));
        List<BulletinTable> tables = new BulletinTables(progress.indicators(), words, d).all();
        Header header = new Header(when, scope.kind(), units.stream().anyMatch(u -> u.regionCode().endsWith("-SB")),
                BulletinProse.unitsKey(scope.kind(), supervision.units(scope).stream()
                        .filter(r -> r.kind() == org.anju.region.RegionKind.PREFECTURE || r.kind() == org.anju.region.RegionKind.COUNTY)
                        .map(Region::name).toList()));
        return new Bulletin(scope.code(), scope.name(), period, issuer, documentNumber, prose.title(header),
                prose.addressee(header), prose.opening(header), prose.body(progressSections, problems), problems, tables, date);
    }

    static List<Region> ordered(List<Region> units, List<String> order) {
        if (order == null || order.isEmpty()) {
            return units;
        }
        List<Region> sorted = new ArrayList<>(units);
        sorted.sort(java.util.Comparator.comparingInt(r -> {
            int i = order.indexOf(r.code());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));       // stable: the ones not named keep the list's order
        return sorted;
    }

    /** Section (七) alone (for the bench and callers that need only it); empty when the ledgers hold no such item. */
    Optional<Bulletin.Section> ledgerSection(Region scope, YearMonth period) {
        Data d = new Data(scope, period, new Scope(period.getYear(), period.getMonthValue(), prose.scopeLabel(scope.kind(), scope.name())),
                null, List.of());
        return prose.ledgers(ledgers(d, standing(d)));
    }

    // ------------------------------------------------------------------------------- figures per section

    private Optional<BulletinFigures.Program> program(Data d, String program,
                                                     List<org.anju.project.Projects.CarriedOver> carriedOver,
                                                     int projectsOfYear) {
        Program p = progress.indicators().program(program).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        String measure = p.defaultMeasure();
        String start = program + ".START." + measure;
        ProgressSummary t = d.total();
        if (t.target(start) == null && t.actual(start) == null) {
            return Optional.empty();
        }
        boolean old = program.equals("OLD_COMMUNITY");
        Codes codes = new Codes(start, program + ".INVESTMENT.YUAN_10K", old ? program + ".START.COMMUNITY" : null,
                basicCode(program, measure));
        int count = old ? 0 : projectsOfYear;
        List<ProgramUnit> parts = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (ProgressSummary u : d.units()) {
            if (u.target(start) == null && u.actual(start) == null) {
                continue;
            }
            if (u.unreported()) {
                unreported.add(u.regionName());     // 未报送, never "已开工0套，开工率0.0%"
            } else {
                parts.add(new ProgramUnit(u.regionName(), codes.progress(u)));
            }
        }
        List<BulletinFigures.CarriedOver> done = carriedOver.stream()
                .filter(c -> c.completedSize().signum() > 0)
                .map(c -> new BulletinFigures.CarriedOver(c.regionName(), c.size(), c.completedSize(), c.allCompleted()))
                .toList();
        return Optional.of(new BulletinFigures.Program(program, p.name(), d.when(),
                t.actual(program + ".PLANNED_INVESTMENT.YUAN_10K"), old ? t.target(codes.communities()) : null,
                t.target(start), count, reporting(t), t.unreported() ? null : codes.progress(t), parts, unreported, done));
    }

    /** A program's indicators in the text: 开工, 完成投资, 小区 (old communities only, else null), the next stage. */
    private record Codes(String start, String investment, String communities, String basic) {

        ProgramProgress progress(ProgressSummary s) {
            return new ProgramProgress(communities == null ? null : s.actual(communities),
                    new Count(nz(s.actual(start)), s.rate(start)),
                    s.actual(investment) == null ? null : new Count(s.actual(investment), s.rate(investment)),
                    s.target(basic) == null ? null : new Count(nz(s.actual(basic)), s.rate(basic)));
        }
    }

    /** 基本建成 of housing, 完工 of old communities: the stage after 开工 that annual tasks count. */
    static String basicCode(String program, String measure) {
        return program.equals("OLD_COMMUNITY") ? program + ".COMPLETION.HOUSEHOLD" : program + ".BASIC_COMPLETION." + measure;
    }

    private Optional<Subsidy> subsidy(Data d) {
        ProgressSummary t = d.total();
        if (t.target(ISSUED) == null && t.actual(ISSUED) == null) {
            return Optional.empty();
        }
        List<SubsidyUnit> parts = new ArrayList<>();
        List<String> notOnline = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        List<String> onlineUnfilled = new ArrayList<>();
        List<String> onlinePartly = new ArrayList<>();
        int paying = 0;
        for (ProgressSummary u : d.units()) {
            if (u.actual(ISSUED) == null && u.target(ISSUED) == null) {
                continue;
            }
            if (u.unreported()) {
                unreported.add(u.regionName());
                continue;
            }
            if (blank(u, ISSUED)) {
                unfilled.add(u.regionName());   // 未填, never "发放0户，占发放任务的0.0%"
                continue;
            }
            parts.add(new SubsidyUnit(u.regionName(), count(u, ISSUED)));
            if (u.actual(ISSUED) != null && u.actual(ISSUED).signum() > 0) {
                paying++;
                ProgressLine online = u.line(ONLINE).orElse(null);
                if (online == null || online.blank()) {
                    onlineUnfilled.add(u.regionName());   // left blank: not "尚未全部实现线上发放"
                } else if (online.unfilled() > 0) {
                    onlinePartly.add(u.regionName());   // its sum misses the units that left it blank
                } else if (online.actual().compareTo(u.actual(ISSUED)) < 0) {
                    notOnline.add(u.regionName());
                }
            }
        }
        SubsidyTotal total = t.unreported() || blank(t, ISSUED) ? null : new SubsidyTotal(count(t, ISSUED), t.actual(AMOUNT));
        return Optional.of(new Subsidy(d.when(), t.target(ISSUED), reporting(t), total, parts, unreported, paying, notOnline,
                t.actual(ONLINE) != null, unfilled, onlineUnfilled, onlinePartly));
    }

    private Optional<Funds> funds(Data d) {
        ProgressSummary t = d.total();
        if (t.actual(RECEIVED) == null) {
            return Optional.empty();
        }
        List<Source> sources = t.line(RECEIVED).map(ProgressLine::bySource).orElse(Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().equals("UNSPECIFIED"))
                .map(e -> new Source(FundSource.valueOf(e.getKey()).label(), e.getValue())).toList();
        List<FundUnit> parts = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        for (ProgressSummary u : d.units()) {
            if (u.unreported()) {
                unreported.add(u.regionName());
            } else if (u.actual(RECEIVED) != null) {
                parts.add(new FundUnit(u.regionName(), u.actual(RECEIVED), count(u, DISBURSED)));
            } else if (u.actual(DISBURSED) != null || u.actual(SPENT) != null) {
                // 拨付/支出 without 到位资金: its rates are 未填, said, not passed over; a unit with no fund figure at
                // all (no fund business that month) is left out, as before (review 25 M5)
                unfilled.add(u.regionName());
            }
        }
        return Optional.of(new Funds(d.when(), reporting(t), t.actual(RECEIVED), sources, count(t, DISBURSED), count(t, SPENT),
                parts, unreported, unfilled));
    }

    private Optional<Entry> entry(Data d) {
        String fresh = "PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD";
        String entered = "PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD";
        String vacated = "PUBLIC_RENTAL.VACATE.UNIT";
        if (d.total().actual(fresh) == null && d.total().actual(vacated) == null) {
            return Optional.empty();
        }
        // a unit that did not report has no figures (Progress leaves them null), so it is never among these
        List<EntryUnit> parts = d.units().stream().filter(u -> u.actual(fresh) != null || u.actual(vacated) != null)
                .map(u -> {
                    var occupancy = occupancy(u.regionCode(), d.period());
                    // typed items: a blank one stays null (未填), never 0
                    return new EntryUnit(u.regionName(), u.actual(fresh), u.actual(entered), u.rate(entered),
                            u.actual(vacated), occupancy == null ? null : occupancy.allocationRate(),
                            occupancy == null ? null : occupancy.occupancyRate(),
                            u.line(entered).map(l -> l.actual() != null && l.unfilled() > 0).orElse(false));
                })
                .toList();
        return Optional.of(new Entry(d.when(), parts));
    }

    /** The unit's 公租房 allocation and occupancy from the operational records, or null when it keeps none here. */
    private org.anju.progress.RecordedFigures.Occupancy occupancy(String regionCode, YearMonth period) {
        org.anju.region.Region unit = regions.byCode(regionCode).orElseThrow();
        return records.orderedStream().map(r -> r.occupancy(unit, period)).flatMap(java.util.Optional::stream)
                .filter(o -> o.allocable() > 0).findFirst().orElse(null);
    }

    /** The kinds section (七) and problem 三 speak of. */
    static final String AUDIT = "AUDIT", PETITION = "PETITION";

    /**
     * The audit and petition items of the scope's ledgers as they stood at the month's end (today while the month is
     * not over); none when the reader may not read them (a region's ledgers are not guessed).
     */
    List<org.anju.ledger.item.Standing> standing(Data d) {
        LocalDate end = d.period().atEndOfMonth();
        LocalDate today = LocalDate.now(org.anju.platform.ChinaTime.ZONE);
        try {
            return ledger.standing(d.scope().code(), end.isAfter(today) ? today : end).stream()
                    .filter(s -> s.item().kind().equals(AUDIT) || s.item().kind().equals(PETITION)).toList();
        } catch (org.anju.platform.Denied e) {
            return List.of();
        }
    }

    static BulletinFigures.Ledgers ledgers(Data d, List<org.anju.ledger.item.Standing> standing) {
        List<BulletinFigures.AuditItem> audits = new ArrayList<>();
        List<BulletinFigures.PetitionItem> petitions = new ArrayList<>();
        for (org.anju.ledger.item.Standing s : standing) {
            var i = s.item();
            boolean closed = s.state() == org.anju.ledger.item.LedgerState.CLOSED;
            if (i.kind().equals(AUDIT)) {
                audits.add(new BulletinFigures.AuditItem(i.title(), i.measures(), s.lastNote(), i.deadline(), s.state().label(),
                        closed, s.alert() == org.anju.ledger.item.Alert.OVERDUE));
            } else {
                petitions.add(new BulletinFigures.PetitionItem(i.regionName(), i.title(), unit(i), closed,
                        closed && i.closedOn() != null && !i.closedOn().isAfter(i.deadline())));
            }
        }
        return new BulletinFigures.Ledgers(d.when(), audits, petitions);
    }

    static List<BulletinFigures.LateItem> ledgerLate(List<org.anju.ledger.item.Standing> standing) {
        return standing.stream().filter(s -> s.alert() == org.anju.ledger.item.Alert.OVERDUE)
                .map(s -> new BulletinFigures.LateItem(s.item().kind().equals(AUDIT), s.item().regionName(), unit(s.item()),
                        s.item().title(), s.item().deadline())).toList();
    }

    /** The 责任单位 as a bulletin names it: 章贡区财政局 (the region's name before a unit named without it). */
    private static String unit(org.anju.ledger.item.Item i) {
        if (i.unitName() == null) {
            return null;
        }
        return i.unitName().startsWith(i.regionName()) ? i.unitName() : i.regionName() + i.unitName();
    }

    private Problems problems(Data d) {
        String scope = d.scope().code();
        Ranking ranking = d.total().rate(DISBURSED) == null ? null : supervision.ranking(scope, d.period(), DISBURSED, false);
        List<RatedUnit> below = ranking == null ? List.of()
                : ranking.belowAverage().stream().map(u -> new RatedUnit(u.regionName(), u.rate())).toList();
        List<Stalled> stalled = supervision.stalled(scope, d.period()).stream()
                .map(p -> new Stalled(p.regionName(), p.name(), p.carriedOver(), p.reasons())).toList();
        List<Overdue> overdue = supervision.overdueDeliveries(scope, d.period()).stream()
                .map(o -> new Overdue(o.where(), o.name(), o.size(), o.dueOn())).toList();
        List<org.anju.supervision.LaggingUnit> behind = supervision.lagging(scope, d.period());
        List<Lagging> lagging = behind.stream()
                .map(l -> new Lagging(l.regionName(), org.anju.supervision.LaggingUnit.subject(l.indicatorName(), l.rateName()),
                        l.rateName(), l.rate(), l.expected(), l.milestone() ? l.basis() : null)).toList();
        List<Milestone> milestones = supervision.milestoneAlerts(scope, d.period()).stream()
                .map(a -> new Milestone(a.regionName(), a.indicatorName(), a.dueOn(), a.thresholdPercent(), a.rate(), a.plan())).toList();
        List<Region> missingUnits = reports.missing(d.scope(), d.period());
        List<String> missing = missingUnits.stream().map(Region::name).toList();
        int limit = prose.listLimit();
        List<BulletinFigures.Area> missingAreas = missing.size() > limit ? areas(d.scope(), missingUnits) : List.of();
        List<BulletinFigures.Area> laggingAreas = behind.stream().map(l -> l.regionCode()).distinct().count() > limit
                ? areas(d.scope(), behind.stream().map(l -> l.regionCode()).distinct().map(c -> regions.byCode(c).orElseThrow()).toList())
                : List.of();
        return new Problems(d.when(), ranking == null ? null : ranking.average(), below, stalled, overdue, lagging, milestones,
                missing, missingAreas, laggingAreas);
    }

    /**
     * Units counted by the scope's unit that contains them (a province of the national bulletin, a city of a
     * province's), in the region list's order: what a list too long to print is summed to.
     */
    private List<BulletinFigures.Area> areas(Region scope, List<Region> units) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Region area : supervision.units(scope)) {
            counts.put(area.name(), 0);
        }
        for (Region u : units) {
            String area = regions.ancestors(u).stream().filter(a -> a.parentId() != null && a.parentId() == scope.id())
                    .map(Region::name).findFirst().orElse(u.name());
            counts.merge(area, 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new BulletinFigures.Area(e.getKey(), e.getValue())).toList();
    }

    // --------------------------------------------------------------------------------------- helpers

    private static Reporting reporting(ProgressSummary s) {
        return new Reporting(s.reported(), s.expected());
    }

    /** An amount and its rate, or null when the summary has no figure for it. */
    private static Count count(ProgressSummary s, String code) {
        return s.line(code).filter(l -> l.actual() != null)
                .map(l -> new Count(l.actual(), l.rate(), l.rateUnfilled())).orElse(null);
    }

    /** Whether the units that reported all left this item of their report blank (未填). */
    private static boolean blank(ProgressSummary s, String code) {
        return s.line(code).map(ProgressLine::blank).orElse(false);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
