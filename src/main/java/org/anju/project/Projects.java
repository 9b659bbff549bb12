package org.anju.project;

import org.anju.platform.ChinaTime;
import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.indicator.Indicators;
import org.anju.indicator.Program;
import org.anju.intake.SourceReader;
import org.anju.progress.Fact;
import org.anju.progress.Rollups;
import org.anju.progress.TableInput;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The project register: the public face of the project feature. */
@Service
public class Projects {

    public static final int PAGE = 200;

    private final ProjectRepository repository;
    private final Regions regions;
    private final Indicators indicators;
    private final Access access;
    private final SourceReader reader;
    private final Rollups rollups;
    private final org.anju.progress.FigureLimits limits;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    private final org.anju.platform.OperationsMetrics metrics;
    private final org.anju.account.LastChange lastChange;

    Projects(ProjectRepository repository, Regions regions, Indicators indicators, Access access, SourceReader reader,
             Rollups rollups, org.springframework.transaction.support.TransactionTemplate transaction,
             org.anju.progress.FigureLimits limits, org.anju.platform.OperationsMetrics metrics,
             org.anju.account.LastChange lastChange) {
        this.metrics = metrics;
        this.lastChange = lastChange;
        this.limits = limits;
        this.rollups = rollups;
        this.transaction = transaction;
        this.repository = repository;
        this.regions = regions;
        this.indicators = indicators;
        this.access = access;
        this.reader = reader;
    }

    /** A page of a register listing, and how many match in all. */
    public record Listing(List<ProjectView> projects, int total) {
    }

    /**
     * What an import did.
     *
     * @param notImported the file's columns that are read by no import, with why (续建, which the export writes); said
     *                    beside the counts so that a figure typed there is not taken for imported
     */
    public record ImportSummary(String fileName, int inserted, int updated, int progressRecords, List<String> notImported,
                                List<String> totalRows) {

        public ImportSummary(String fileName, int inserted, int updated, int progressRecords) {
            this(fileName, inserted, updated, progressRecords, List.of(), List.of());
        }

        public ImportSummary(String fileName, int inserted, int updated, int progressRecords, List<String> notImported) {
            this(fileName, inserted, updated, progressRecords, notImported, List.of());
        }

        /**
         * "；未导入的列：…" and "；第 N 行“合计”是合计行…" for the answer, "" when every column and row was read (totalRows null
         * in a result kept before it was recorded).
         */
        public String notImportedText() {
            String columns = notImported == null || notImported.isEmpty() ? "" : "；未导入的列：" + String.join("、", notImported);
            return totalRows == null || totalRows.isEmpty() ? columns
                    : columns + "；" + String.join("、", totalRows) + "是合计行，与其上各行之和相符，未作为项目导入";
        }
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true) // on the replica if configured
    public ProjectView get(long id, YearMonth upto) {
        ProjectView v = repository.find(id, upto).orElseThrow(() -> new org.anju.platform.NotFound("项目不存在：" + id));
        access.checkRead(region(v.project().regionCode()));
        return v;
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true) // on the replica if configured
    public Listing list(String scopeCode, int year, String program, String text, YearMonth upto, int page) {
        checkYear(year);
        if (page < 0 || page > 100_000) {
            throw new org.anju.platform.BadInput("参数 page 的值「" + page + "」不对：应为 0 至 100000 的页码");
        }
        Region scope = region(scopeCode);
        access.checkRead(scope);
        String t = text == null || text.isBlank() ? null : text.strip();
        String p = program == null || program.isBlank() ? null : program;
        if (p != null && indicators.program(p).isEmpty()) {
            throw new org.anju.platform.BadInput("参数 program 的值「" + p + "」不对：应为工程类别代码，如 SHANTYTOWN、OLD_COMMUNITY");
        }
        return new Listing(repository.list(scope.id(), year, p, t, upto, PAGE, Math.max(0, page) * PAGE),
                repository.count(scope.id(), year, p, t));
    }

    /** 项目状态 as the list filters them: by the month the list is read at. */
    public static final java.util.Map<String, String> STAGES = java.util.Map.of(
            "NOT_STARTED", "未开工", "STARTED", "在建（已开工未建成）", "COMPLETED", "已基本建成/完工");

    /**
     * A page of a subtree's projects of the year (and carried into it): filtered by program (工程类别), stage (项目状态:
     * NOT_STARTED, STARTED, COMPLETED at {@code upto}) and a text (part of the name, or the project's own number),
     * read in SQL a page at a time.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // on the replica if configured
    public org.anju.platform.Page<ProjectView> search(String scopeCode, int year, String program, String stage, String text,
                                                     YearMonth upto, org.anju.platform.PageRequest page) {
        checkYear(year);
        Region scope = region(scopeCode);
        access.checkRead(scope);
        String t = text == null || text.isBlank() ? null : text.strip();
        String p = program == null || program.isBlank() ? null : program;
        if (p != null && indicators.program(p).isEmpty()) {
            throw new org.anju.platform.BadInput("参数 program 的值「" + p + "」不对：应为工程类别代码，如 SHANTYTOWN、OLD_COMMUNITY");
        }
        String s = stage == null || stage.isBlank() ? null : stage.strip();
        if (s != null && !STAGES.containsKey(s)) {
            throw new org.anju.platform.BadInput("参数 stage（项目状态）的值「" + s + "」不对：应为 NOT_STARTED（未开工）、"
                    + "STARTED（在建）或 COMPLETED（已基本建成/完工）");
        }
        return repository.page(scope.id(), year, p, s, t, upto, page);
    }

    /** A year a user typed: the program's years, not whatever an int holds (YearMonth.of would fail past ±999999999). */
    static void checkYear(int year) {
        if (year < 1990 || year > 2100) {
            throw new org.anju.platform.BadInput("参数 year 的值「" + year + "」不对：应为 1990 至 2100 之间的年份");
        }
    }

    /** How many projects of a program count towards the year in the subtree (carried-over ones not). */
    public int countOfYear(Region scope, int year, String program) {
        return repository.countOfYear(scope.id(), year, program);
    }

    /**
     * {@link #countOfYear} of every program in one statement (a program without projects of the year is absent): a
     * bulletin asks for each of its programs, and each statement read the province's projects of the year again.
     */
    public java.util.Map<String, Integer> countsOfYear(Region scope, int year) {
        return repository.countsOfYear(scope.id(), year);
    }

    /** Every project of the subtree for the year (and carried into it), for checks and exports. */
    public List<ProjectView> all(Region scope, int year, YearMonth upto) {
        return repository.list(scope.id(), year, null, null, upto, Integer.MAX_VALUE, 0);
    }

    /**
     * The projects of {@link #all} for the month that may be stalled, picked in one SQL statement instead of reading the
     * whole list twice (issue 15: a province holds tens of thousands): not 基本建成 by the end of the month, and either
     * started without 前期手续, not started (the caller words which rule applies by month), or started before the
     * three-month window with no progress reported in it or no investment growth over it. Each comes with its latest
     * progress up to the month and up to two months before; the caller words the reasons from these.
     */
    public List<StallCandidate> stallCandidates(Region scope, YearMonth period) {
        return repository.stallCandidates(scope.id(), period);
    }

    /** A project that may be stalled, with its latest progress at the month and two months before (null: none). */
    public record StallCandidate(ProjectView view, YearMonth earlierPeriod, BigDecimal earlierInvestment) {
    }

    /**
     * Register projects of a subtree picked by what a milestone names: program, plan years, 安置方式, 建设方式, 楼型 —
     * and which stage they must reach, added up in which measure (null: projects counted).
     */
    public record Selection(String programCode, String stageCode, String measureCode, List<Integer> years,
                            List<Placement> placements, List<Construction> constructions, List<BuildingType> buildingTypes) {
    }

    /**
     * How far selected projects are: how many and how large, and how much of it reached the stage by the day.
     * A project without a size in the measure is counted in {@code unsized} and left out of the sizes, not taken as 0.
     */
    public record Reach(int projects, int reachedProjects, BigDecimal size, BigDecimal reachedSize, int unsized,
                        boolean byCount) {

        /** Percent reached, one decimal; null when nothing was selected (nothing to measure, not 0%). */
        public BigDecimal rate() {
            return byCount ? org.anju.progress.Rates.rate(BigDecimal.valueOf(reachedProjects), BigDecimal.valueOf(projects))
                    : org.anju.progress.Rates.rate(reachedSize, size);
        }
    }

    public Reach reached(Region scope, Selection selection, java.time.LocalDate by) {
        access.checkRead(scope);
        Reach sum = new Reach(0, 0, null, BigDecimal.ZERO, 0, selection.measureCode() == null);
        for (Region root : roots(scope)) {
            Reach r = repository.reached(root.id(), selection, by);
            sum = new Reach(sum.projects() + r.projects(), sum.reachedProjects() + r.reachedProjects(),
                    r.size() == null ? sum.size() : sum.size() == null ? r.size() : sum.size().add(r.size()),
                    sum.reachedSize().add(r.reachedSize()), sum.unsized() + r.unsized(), sum.byCount());
        }
        return sum;
    }

    /** A 片区 holds no projects of its own: its members' subtrees do. */
    private List<Region> roots(Region scope) {
        return scope.kind() == org.anju.region.RegionKind.GROUP ? regions.members(scope) : List.of(scope);
    }

    /** Whether the current user may change the project (the page shows its forms only then). */
    public boolean canWrite(Project p) {
        return access.canWrite(region(p.regionCode()));
    }

    /** Projects of the subtree past their promised delivery date and not delivered at the end of {@code day}. */
    public List<ProjectView> overdueDeliveries(Region scope, java.time.LocalDate day) {
        access.checkRead(scope);
        return roots(scope).stream().flatMap(r -> repository.overdueDeliveries(r.id(), day).stream()).toList();
    }

    /**
     * 续建结转 of a program in the subtree, per unit: projects of earlier plan years still open at the start of the
     * period's year, and how much of them is 基本建成/完工 by the end of the period — what a 通报 states as
     * "续建结转5402户…已全面完工". Sizes in the program's measure (户 for old communities, 套 otherwise).
     */
    public List<CarriedOver> carriedOver(Region scope, YearMonth period, String programCode) {
        access.checkRead(scope);
        // added up in SQL: a province's register holds tens of thousands of projects (issue 15: 18 s a bulletin when
        // every project of the year was read with its latest progress to count these)
        java.util.Map<String, CarriedOver> byUnit = new java.util.LinkedHashMap<>();
        for (Region root : roots(scope)) {
            for (CarriedOver c : repository.carriedOver(root.id(), period.getYear(), programCode, period.atEndOfMonth())) {
                byUnit.merge(c.regionCode(), c, CarriedOver::plus);
            }
        }
        return List.copyOf(byUnit.values());
    }

    /** {@link #carriedOver(Region, YearMonth, String)} of every program at once, by program code (one statement). */
    public java.util.Map<String, List<CarriedOver>> carriedOver(Region scope, YearMonth period) {
        access.checkRead(scope);
        java.util.Map<String, java.util.Map<String, CarriedOver>> byProgram = new java.util.LinkedHashMap<>();
        for (Region root : roots(scope)) {
            repository.carriedOver(root.id(), period.getYear(), java.util.Optional.empty(), period.atEndOfMonth())
                    .forEach((program, list) -> list.forEach(c -> byProgram
                            .computeIfAbsent(program, k -> new java.util.LinkedHashMap<>())
                            .merge(c.regionCode(), c, CarriedOver::plus)));
        }
        java.util.Map<String, List<CarriedOver>> result = new java.util.LinkedHashMap<>();
        byProgram.forEach((program, byUnit) -> result.put(program, List.copyOf(byUnit.values())));
        return result;
    }

    /** A unit's carried-over projects of one program: how many and how large, and how much of that is finished. */
    public record CarriedOver(String regionCode, String regionName, int projects, int completedProjects,
                              BigDecimal size, BigDecimal completedSize) {

        CarriedOver plus(CarriedOver o) {
            return new CarriedOver(regionCode, regionName, projects + o.projects, completedProjects + o.completedProjects,
                    size.add(o.size), completedSize.add(o.completedSize));
        }

        public boolean allCompleted() {
            return completedProjects == projects;
        }
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * Adds (no id) or updates a project. An update must carry the version it read.
     *
     * @throws IllegalStateException when someone else saved it in between (nothing is overwritten)
     */
    @Transactional
    public Project save(Project p) {
        Region region = region(p.regionCode());
        access.checkWrite(region);
        if (region.kind().local()) {
            // a town's staff write their town (applications), but its projects are its county's: a project kept at a
            // town would never be counted, as towns never report
            throw new org.anju.platform.BadInput(region.name() + "是" + region.kind().label() + "，项目登记在县级单位：请由所在县区"
                    + "登记，项目地址或名称中可写明所在街道、乡镇");
        }
        checkProgram(p.programCode());
        checkFigures(java.util.Map.of(ProjectColumns.UNITS, nz(p.units()), ProjectColumns.HOUSEHOLDS, nz(p.households()),
                ProjectColumns.COMMUNITIES, nz(p.communities()), ProjectColumns.BUILDINGS, nz(p.buildings()),
                ProjectColumns.AREA, nz(p.area()), ProjectColumns.PLANNED, nz(p.plannedInvestment())));
        String actor = access.current().username();
        if (p.id() == null) {
            // checked under the unit's lock (keepingCountedMonths takes it first): a twin sent at once (a double-click, a
            // retry racing the original) waits, then finds the first and gets this refusal — it got the unique index's
            // generic one (double-submit trial, defect 13)
            return stored(keepingCountedMonths(List.of(region), () -> {
                if (repository.idOf(region.id(), p.programCode(), p.year(), p.name()).isPresent()) {
                    throw new org.anju.platform.Conflict(region.name() + " " + p.year() + " 年已有同名项目：" + p.name());
                }
                return p.withId(repository.insert(p, region.id(), actor), 0);
            }));
        }
        ProjectView stored = repository.find(p.id(), YearMonth.of(p.year(), 12))
                .orElseThrow(() -> new org.anju.platform.NotFound("项目不存在：" + p.id()));
        Region before = region(stored.project().regionCode());
        access.checkWrite(before);
        return stored(keepingCountedMonths(List.of(before, region), () -> {
            if (!repository.update(p, region.id(), actor)) {
                throw stale(p.id(), p.name(), stored.project().version(), p.version());
            }
            return p.withId(p.id(), p.version() + 1);
        }));
    }

    /**
     * The project as stored, as a read gives it: the request's own copy carried what the client sent for what the
     * server decides (the region's name, null from {@code POST /api/projects}; derived dates) — stale-read trial.
     */
    private Project stored(Project saved) {
        return repository.find(saved.id(), YearMonth.of(saved.year(), 12)).map(ProjectView::project).orElseThrow();
    }

    /** The measure of each figure column (its bound and whether it counts come from the catalogue's measure). */
    private static final java.util.Map<String, String> MEASURES = java.util.Map.of(
            ProjectColumns.UNITS, "UNIT", ProjectColumns.HOUSEHOLDS, "HOUSEHOLD", ProjectColumns.COMMUNITIES, "COMMUNITY",
            ProjectColumns.BUILDINGS, "BUILDING", ProjectColumns.AREA, "AREA_10K_M2", ProjectColumns.PLANNED, "YUAN_10K",
            ProjectColumns.INVESTMENT, "YUAN_10K");

    /** Why a project's figure is beyond any real project (a typo, 元 for 万元) or a fraction of a count; null when not. */
    private String implausible(String column, BigDecimal value) {
        return implausible(column, value, null);
    }

    /** The same for a file's cell, with what a workbook shows there where its format rounds the number. */
    private String implausible(String column, BigDecimal value, String shown) {
        if (value == null) {
            return null;
        }
        org.anju.indicator.Measure measure = indicators.measures().stream()
                .filter(m -> m.code().equals(MEASURES.get(column))).findFirst().orElseThrow();
        return limits.problem(value, measure, shown);
    }

    private void checkFigures(java.util.Map<String, BigDecimal> figures) {
        for (var e : figures.entrySet()) {
            String problem = implausible(e.getKey(), e.getValue());
            if (problem != null) {
                throw new org.anju.platform.BadInput(e.getKey() + problem);
            }
        }
    }

    /** Who made the project's version there now and when (the user's own other window said so), not 他人. */
    private org.anju.platform.ConcurrentUpdateException stale(long id, String name, int stored, int read) {
        return new org.anju.platform.ConcurrentUpdateException(lastChange.refusal("项目“" + name + "”", "project", id, read,
                stored, "请刷新后重试"));
    }

    /**
     * Deletes a project and its progress.
     *
     * @param version the version read: a project changed since (or its progress recorded) is not deleted
     */
    @Transactional
    public void delete(long id, int version) {
        ProjectView v = get(id, ChinaTime.thisMonth());
        Region unit = region(v.project().regionCode());
        access.checkWrite(unit);
        keepingCountedMonths(List.of(unit), () -> {
            if (!repository.delete(id, version)) {
                throw stale(id, v.project().name(), v.project().version(), version);
            }
            return null;
        });
    }

    /**
     * Records a month's cumulative investment and 形象进度 (replacing what that month had). Progress is part of
     * the project: recording it needs the project's version read and moves it on, so two people recording at once
     * never overwrite each other unseen.
     *
     * @return the project's new version
     */
    @Transactional
    public int recordProgress(long projectId, Integer version, YearMonth period, BigDecimal investment, String imageProgress) {
        ProjectView v = get(projectId, period);
        Region unit = region(v.project().regionCode());
        access.checkWrite(unit);
        if (version == null) {
            throw new org.anju.platform.BadInput("缺少 version：请提供读取项目时的版本（项目的 version），以免覆盖他人同时所做的修改");
        }
        if (investment == null) {
            throw new org.anju.platform.BadInput("缺少 investment（累计完成投资，万元）");
        }
        checkFigures(java.util.Map.of(ProjectColumns.INVESTMENT, investment));
        String actor = access.current().username();
        ProjectProgress entry = new ProjectProgress(projectId, period, investment,
                imageProgress == null || imageProgress.isBlank() ? null : imageProgress.strip(), actor);
        return keepingCountedMonths(List.of(unit), () -> {
            if (!repository.touch(projectId, version, actor)) {
                throw stale(projectId, v.project().name(), repository.version(projectId), version);
            }
            repository.saveProgress(entry);
            return version + 1;
        });
    }

    /**
     * Lock means final. A unit's month in the sums (its report submitted, approved or locked) was computed from its
     * projects when it was submitted; a change that would make those projects add up to anything else in such a month
     * is refused, so the stored sums always equal the register. Found by recomputing every such month before and after
     * the change (one query each way), not by guessing which dates matter. The unit's month must first be returned by
     * the level above — a locked one reopened by it, with a reason — and submitted again.
     */
    private <T> T keepingCountedMonths(java.util.Collection<Region> units, java.util.function.Supplier<T> change) {
        List<Region> sorted = units.stream().distinct().sorted(java.util.Comparator.comparingInt(Region::id)).toList();
        sorted.forEach(u -> rollups.lockUnit(u.id()));
        java.util.Map<Region, List<YearMonth>> months = new java.util.LinkedHashMap<>();
        java.util.Map<Region, java.util.Map<YearMonth, List<Fact>>> before = new java.util.HashMap<>();
        for (Region u : sorted) {
            List<YearMonth> counted = rollups.countedPeriods(u.id());
            if (!counted.isEmpty()) {
                months.put(u, counted);
                before.put(u, repository.facts(u.id(), counted));
            }
        }
        T result = change.get();
        for (var e : months.entrySet()) {
            Region u = e.getKey();
            var after = repository.facts(u.id(), e.getValue());
            List<YearMonth> changed = new ArrayList<>();
            String example = null;
            for (YearMonth m : e.getValue()) {
                String difference = difference(before.get(u).getOrDefault(m, List.of()), after.getOrDefault(m, List.of()));
                if (difference != null) {
                    changed.add(m);
                    example = example == null ? m + " " + difference : example;
                }
            }
            if (!changed.isEmpty()) {
                throw new org.anju.platform.Conflict(u.name() + " "
                        + String.join("、", changed.stream().map(YearMonth::toString).toList())
                        + " 的月报已上报（已计入汇总），这项修改会改变这些月份由项目汇总的数据（" + example + "）。"
                        + "已上报、已审核和已锁定的月份是最终数据：请先由上级退回这些月报（已锁定的由审核单位解锁并说明原因），"
                        + "修改后重新上报");
            }
        }
        return result;
    }

    /** The first indicator whose value differs, as "名称：旧 → 新"; null when the same. */
    private String difference(List<Fact> before, List<Fact> after) {
        java.util.Map<Integer, BigDecimal> a = new java.util.TreeMap<>();
        java.util.Map<Integer, BigDecimal> b = new java.util.TreeMap<>();
        before.forEach(f -> a.merge(f.indicatorId(), f.value(), BigDecimal::add));
        after.forEach(f -> b.merge(f.indicatorId(), f.value(), BigDecimal::add));
        java.util.Set<Integer> ids = new java.util.TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (int id : ids) {
            BigDecimal x = a.getOrDefault(id, BigDecimal.ZERO);
            BigDecimal y = b.getOrDefault(id, BigDecimal.ZERO);
            if (x.compareTo(y) != 0) {
                return indicators.byId(id).displayName() + "：" + x.stripTrailingZeros().toPlainString() + " → "
                        + y.stripTrailingZeros().toPlainString();
            }
        }
        return null;
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true) // on the replica if configured
    public List<ProjectProgress> progress(long projectId) {
        get(projectId, ChinaTime.thisMonth());
        return repository.progress(projectId);
    }

    /** What the unit's own projects of the period's year add up to at the end of that month. */
    public List<Fact> facts(Region unit, YearMonth period) {
        return repository.facts(unit.id(), period);
    }

    /**
     * Imports a register file (XLSX, CSV …, columns as in {@link #template()}): projects are added or,
     * matched by 地区 + 工程类别 + 年度 + 项目名称, updated; a row with 进度月份 also records that month's
     * progress. Any bad cell anywhere and nothing is written.
     *
     * @param scopeCode names are resolved within this region, and every row must lie in it
     * @throws org.anju.intake.InputException naming file, sheet, row and column of every problem
     */
    public ImportSummary importFile(String fileName, byte[] content, String scopeCode) {
        // recorded as an import in the audit trail: the channel is set before the transaction starts
        return metrics.timeImport("projects",
                () -> Access.via(Channel.IMPORT, () -> transaction.execute(status -> importRows(fileName, content, scopeCode))));
    }

    private ImportSummary importRows(String fileName, byte[] content, String scopeCode) {
        Region scope = scopeCode == null ? regions.root() : region(scopeCode);
        org.anju.platform.JobProgress.stage("读取文件", 0);
        TableInput table = TableInput.open(reader.read(fileName, content), ProjectColumns.NAME, "项目库");
        table.require(ProjectColumns.REGION, ProjectColumns.PROGRAM, ProjectColumns.YEAR, ProjectColumns.NAME);
        // the export's columns (续建 too: an exported register re-imports) and the older 交付（入住）日期; any other header
        // (计划投资（元）, 开工时间) is refused rather than left out of a new project without a word
        table.refuseUnknown("项目库导入", ProjectColumns.READ);
        table.failIfProblems();
        record Parsed(Project project, Region region, YearMonth period, BigDecimal investment, String image) {
        }
        List<Parsed> parsed = new ArrayList<>();
        // the same project on several rows is one project with several months' progress: its own columns must
        // agree and a month may appear once — otherwise the last row would silently win
        java.util.Map<String, Integer> firstRow = new java.util.HashMap<>();
        java.util.Map<String, Project> firstProject = new java.util.HashMap<>();
        java.util.Map<String, Integer> months = new java.util.HashMap<>();
        boolean[] carriedTyped = {false}; // 续建 filled in somewhere: the answer says it was not read
        // a 合计 row (as a county's list ends): its figures checked against the rows above it since the last one, the row
        // left out and said in the answer — it used to be refused "未知地区：合计", "“项目名称”不能为空" …
        List<String> summed = List.of(ProjectColumns.UNITS, ProjectColumns.HOUSEHOLDS, ProjectColumns.COMMUNITIES,
                ProjectColumns.BUILDINGS, ProjectColumns.AREA, ProjectColumns.PLANNED, ProjectColumns.INVESTMENT);
        TableInput.Totals totals = new TableInput.Totals();
        table.rows(row -> {
            String regionText = row.text(ProjectColumns.REGION);
            String nameText = row.text(ProjectColumns.NAME);
            if ((TableInput.isTotal(regionText) && (nameText == null || TableInput.isTotal(nameText)))
                    || (regionText == null && TableInput.isTotal(nameText))) {
                totals.check(row, regionText != null ? regionText : nameText, summed);
                return;
            }
            carriedTyped[0] |= row.text(ProjectColumns.CARRIED) != null;
            Region region = row.region(ProjectColumns.REGION, regions, scope == regions.root() ? null : scope);
            if (region != null && !regions.contains(scope, region)) {
                row.problem(ProjectColumns.REGION, region.name() + "不在" + scope.name() + "范围内");
                region = null;
            }
            if (region != null) {
                Region writable = region;
                row.checkAllowed(ProjectColumns.REGION, () -> access.checkWrite(writable));
            }
            String programText = row.required(ProjectColumns.PROGRAM);
            Program program = programText == null ? null : program(programText).orElse(null);
            if (programText != null && program == null) {
                row.problem(ProjectColumns.PROGRAM, "未知工程类别：" + programText);
            }
            Integer year = row.integer(ProjectColumns.YEAR);
            if (row.text(ProjectColumns.YEAR) == null) {
                row.problem(ProjectColumns.YEAR, "“年度”不能为空");
            }
            String name = row.required(ProjectColumns.NAME);
            Project p = null;
            int before = table.problems().size();
            var units = row.number(ProjectColumns.UNITS);
            var households = row.number(ProjectColumns.HOUSEHOLDS);
            var communities = row.number(ProjectColumns.COMMUNITIES);
            var buildings = row.number(ProjectColumns.BUILDINGS);
            var area = row.number(ProjectColumns.AREA);
            var planned = row.number(ProjectColumns.PLANNED);
            var prelim = row.date(ProjectColumns.PRELIM);
            var started = row.date(ProjectColumns.STARTED);
            var basic = row.date(ProjectColumns.BASIC);
            var accepted = row.date(ProjectColumns.ACCEPTED);
            var delivered = row.date(table.has(ProjectColumns.DELIVERED_BEFORE) && !table.has(ProjectColumns.DELIVERED)
                    ? ProjectColumns.DELIVERED_BEFORE : ProjectColumns.DELIVERED);
            var occupied = row.date(ProjectColumns.OCCUPIED);
            var due = row.date(ProjectColumns.DELIVERY_DUE);
            Placement placement = choice(row, ProjectColumns.PLACEMENT, Placement::parse, Placement.choices());
            Construction construction = choice(row, ProjectColumns.CONSTRUCTION, Construction::parse, Construction.choices());
            BuildingType buildingType = choice(row, ProjectColumns.BUILDING_TYPE, BuildingType::parse, BuildingType.choices());
            YearMonth period = row.month(ProjectColumns.PERIOD);
            BigDecimal investment = row.number(ProjectColumns.INVESTMENT);
            java.util.Map<String, BigDecimal> figures = new java.util.LinkedHashMap<>();
            figures.put(ProjectColumns.UNITS, units);
            figures.put(ProjectColumns.HOUSEHOLDS, households);
            figures.put(ProjectColumns.COMMUNITIES, communities);
            figures.put(ProjectColumns.BUILDINGS, buildings);
            figures.put(ProjectColumns.AREA, area);
            figures.put(ProjectColumns.PLANNED, planned);
            figures.put(ProjectColumns.INVESTMENT, investment);
            figures.forEach((column, value) -> {
                totals.add(column, value);
                String problem = implausible(column, value, row.shownRounded(column));
                if (problem != null) {
                    row.problem(column, column + problem);
                }
            });
            if (period != null && investment == null && row.text(ProjectColumns.INVESTMENT) == null) {
                row.problem(ProjectColumns.INVESTMENT, "填写了进度月份，缺少累计完成投资");
            }
            if (region != null && program != null && year != null && name != null && table.problems().size() == before) {
                try {
                    p = new Project(null, region.code(), region.name(), program.code(), year, name,
                            row.text(ProjectColumns.CODE), units, households, communities, buildings, area, planned,
                            prelim, started, basic, accepted, delivered, occupied, due, placement, construction,
                            buildingType, row.text(ProjectColumns.NOTE), 0);
                } catch (IllegalArgumentException e) {
                    row.problem(ProjectColumns.NAME, e.getMessage());
                }
            }
            if (p != null) {
                String key = region.code() + "|" + p.programCode() + "|" + p.year() + "|" + p.name().strip();
                Integer first = firstRow.putIfAbsent(key, row.number());
                if (first != null && !same(firstProject.get(key), p)) {
                    row.problem(ProjectColumns.NAME, "与第 " + first + " 行是同一项目（" + p.name() + "），但项目信息不同；"
                            + "同一项目的各行只能在进度月份、累计完成投资、形象进度上不同");
                    p = null;
                } else if (months.putIfAbsent(key + "|" + period, row.number()) != null) {
                    row.problem(period == null ? ProjectColumns.NAME : ProjectColumns.PERIOD, "与第 "
                            + months.get(key + "|" + period) + " 行重复（同一项目"
                            + (period == null ? "" : "、同一进度月份 " + period) + "）");
                    p = null;
                }
                firstProject.putIfAbsent(key, p);
            }
            if (p != null) {
                parsed.add(new Parsed(p, region, period, investment, row.text(ProjectColumns.IMAGE)));
            }
        });
        table.failIfProblems();
        table.failIfRefused();
        int[] counts = new int[3]; // inserted, updated, progress records
        String actor = access.current().username();
        var stored = org.anju.platform.JobProgress.stage("写入", parsed.size());
        keepingCountedMonths(parsed.stream().map(Parsed::region).toList(), () -> {
            // the ids of the units' projects read once, not looked up row by row: with the statistics the autovacuum
            // leaves after the projects were emptied (reltuples 0) the planner took project_scope_dates (region_id, year)
            // for the key and read the unit's year of projects per row (ProjectImportWithoutStatisticsTest)
            java.util.Map<String, Long> ids = repository.ids(parsed.stream().map(x -> x.region().id()).distinct().toList());
            for (Parsed x : parsed) {
                stored.step();
                Project p = x.project();
                String key = ProjectRepository.key(x.region().id(), p.programCode(), p.year(), p.name().strip());
                Optional<Long> id = Optional.ofNullable(ids.get(key));
                long projectId;
                if (id.isPresent()) {
                    Project before = repository.find(id.get(), YearMonth.of(p.year(), 12)).orElseThrow().project();
                    repository.update(keepAbsent(p, before, table).withId(id.get(), before.version()), x.region().id(), actor);
                    projectId = id.get();
                    counts[1]++;
                } else {
                    projectId = repository.insert(p, x.region().id(), actor);
                    ids.put(key, projectId);
                    counts[0]++;
                }
                if (x.period() != null) {
                    repository.saveProgress(new ProjectProgress(projectId, x.period(), x.investment(), x.image(), actor));
                    counts[2]++;
                }
            }
            return null;
        });
        return new ImportSummary(table.file(), counts[0], counts[1], counts[2], carriedTyped[0]
                ? List.of(ProjectColumns.CARRIED + "（由年度和基本建成日期得出，不从文件读取）") : List.of(), totals.said());
    }

    /** The register of a subtree for a year as XLSX, in the import layout (re-importable). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // on the replica if configured
    public byte[] export(String scopeCode, int year, YearMonth upto) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        return ProjectWorkbook.write(scope.name() + year + "年保障性安居工程项目库", all(scope, year, upto), indicators);
    }

    /** An empty import template. */
    public byte[] template() {
        return ProjectWorkbook.write("保障性安居工程项目库（导入模板）", List.of(), indicators);
    }

    /**
     * A file without a column says nothing about it: the stored value stays (an older template re-imported must not
     * erase 安置方式 or a contractual date); a column present with a blank cell does clear it.
     */
    private static Project keepAbsent(Project p, Project s, TableInput t) {
        boolean delivered = t.has(ProjectColumns.DELIVERED) || t.has(ProjectColumns.DELIVERED_BEFORE);
        return new Project(p.id(), p.regionCode(), p.regionName(), p.programCode(), p.year(), p.name(),
                t.has(ProjectColumns.CODE) ? p.code() : s.code(),
                t.has(ProjectColumns.UNITS) ? p.units() : s.units(),
                t.has(ProjectColumns.HOUSEHOLDS) ? p.households() : s.households(),
                t.has(ProjectColumns.COMMUNITIES) ? p.communities() : s.communities(),
                t.has(ProjectColumns.BUILDINGS) ? p.buildings() : s.buildings(),
                t.has(ProjectColumns.AREA) ? p.area() : s.area(),
                t.has(ProjectColumns.PLANNED) ? p.plannedInvestment() : s.plannedInvestment(),
                t.has(ProjectColumns.PRELIM) ? p.prelimDoneOn() : s.prelimDoneOn(),
                t.has(ProjectColumns.STARTED) ? p.startedOn() : s.startedOn(),
                t.has(ProjectColumns.BASIC) ? p.basicCompletedOn() : s.basicCompletedOn(),
                t.has(ProjectColumns.ACCEPTED) ? p.acceptedOn() : s.acceptedOn(),
                delivered ? p.deliveredOn() : s.deliveredOn(),
                t.has(ProjectColumns.OCCUPIED) ? p.occupiedOn() : s.occupiedOn(),
                t.has(ProjectColumns.DELIVERY_DUE) ? p.deliveryDueOn() : s.deliveryDueOn(),
                t.has(ProjectColumns.PLACEMENT) ? p.placement() : s.placement(),
                t.has(ProjectColumns.CONSTRUCTION) ? p.construction() : s.construction(),
                t.has(ProjectColumns.BUILDING_TYPE) ? p.buildingType() : s.buildingType(),
                t.has(ProjectColumns.NOTE) ? p.note() : s.note(), p.version());
    }

    /** Two rows describe the project alike: sizes compared by value (40 and 40.0 agree), the rest exactly. */
    private static boolean same(Project a, Project b) {
        java.util.function.BiPredicate<BigDecimal, BigDecimal> eq = (x, y) -> x == null ? y == null : y != null && x.compareTo(y) == 0;
        return eq.test(a.units(), b.units()) && eq.test(a.households(), b.households())
                && eq.test(a.communities(), b.communities()) && eq.test(a.buildings(), b.buildings())
                && eq.test(a.area(), b.area()) && eq.test(a.plannedInvestment(), b.plannedInvestment())
                && java.util.Objects.equals(a.code(), b.code())
                && java.util.Objects.equals(a.prelimDoneOn(), b.prelimDoneOn()) && java.util.Objects.equals(a.startedOn(), b.startedOn())
                && java.util.Objects.equals(a.basicCompletedOn(), b.basicCompletedOn())
                && java.util.Objects.equals(a.acceptedOn(), b.acceptedOn()) && java.util.Objects.equals(a.deliveredOn(), b.deliveredOn())
                && java.util.Objects.equals(a.occupiedOn(), b.occupiedOn()) && java.util.Objects.equals(a.deliveryDueOn(), b.deliveryDueOn())
                && a.placement() == b.placement() && a.construction() == b.construction() && a.buildingType() == b.buildingType()
                && java.util.Objects.equals(a.note(), b.note());
    }

    /** A column of fixed choices: blank is "not said" (null), anything else must be one of them. */
    private static <T> T choice(TableInput.Row row, String header, java.util.function.Function<String, Optional<T>> parse,
                                String choices) {
        String text = row.text(header);
        if (text == null) {
            return null;
        }
        Optional<T> value = parse.apply(text);
        if (value.isEmpty()) {
            row.problem(header, "“" + text + "”不是" + header + "，应为：" + choices + "（或留空）");
        }
        return value.orElse(null);
    }

    private Optional<Program> program(String text) {
        String t = text.strip();
        return indicators.program(t).or(() -> indicators.programs().stream()
                .filter(p -> p.name().equals(t) || t.equals(p.shortName())).findFirst())
                .or(() -> indicators.programNamedIn(t));
    }

    private void checkProgram(String code) {
        if (indicators.program(code).isEmpty()) {
            throw new org.anju.platform.BadInput("未知工程类别：" + code);
        }
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }
}
