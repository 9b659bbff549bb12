package org.anju.project;

import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import org.anju.progress.Fact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class ProjectRepository {

    private static final String SELECT = select("project");

    /** The projects' view with their latest progress up to {@code :upto}, the projects read from {@code projects}. */
    private static String select(String projects) {
        return """
                select p.*, g.code as region_code, g.name as region_name,
                       pp.period as progress_period, pp.investment, pp.image_progress
                from %s p
                join region g on g.id = p.region_id
                left join lateral (select period, investment, image_progress from project_progress x
                                   where x.project_id = p.id and x.period <= :upto
                                   order by x.period desc limit 1) pp on true
                """.formatted(projects);
    }

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Project p, int regionId, String actor) {
        return jdbc.sql("""
                        insert into project (region_id, program_code, year, name, code, units, households, communities,
                                             buildings, area, planned_investment, prelim_done_on, started_on,
                                             basic_completed_on, accepted_on, delivered_on, occupied_on, delivery_due_on,
                                             placement, construction, building_type, note, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(regionId, p.programCode(), p.year(), p.name().strip(), p.code(), p.units(), p.households(),
                        p.communities(), p.buildings(), p.area(), p.plannedInvestment(), p.prelimDoneOn(), p.startedOn(),
                        p.basicCompletedOn(), p.acceptedOn(), p.deliveredOn(), p.occupiedOn(), p.deliveryDueOn(),
                        name(p.placement()), name(p.construction()), name(p.buildingType()), p.note(), actor)
                .query(Long.class).single();
    }

    /** Updates when the stored version is the one read; false when someone else changed it first. */
    boolean update(Project p, int regionId, String actor) {
        return jdbc.sql("""
                        update project set region_id = ?, program_code = ?, year = ?, name = ?, code = ?, units = ?,
                               households = ?, communities = ?, buildings = ?, area = ?, planned_investment = ?,
                               prelim_done_on = ?, started_on = ?, basic_completed_on = ?, accepted_on = ?,
                               delivered_on = ?, occupied_on = ?, delivery_due_on = ?, placement = ?, construction = ?,
                               building_type = ?, note = ?, version = version + 1, updated_at = now(), updated_by = ?
                        where id = ? and version = ?""")
                .params(regionId, p.programCode(), p.year(), p.name().strip(), p.code(), p.units(), p.households(),
                        p.communities(), p.buildings(), p.area(), p.plannedInvestment(), p.prelimDoneOn(), p.startedOn(),
                        p.basicCompletedOn(), p.acceptedOn(), p.deliveredOn(), p.occupiedOn(), p.deliveryDueOn(),
                        name(p.placement()), name(p.construction()), name(p.buildingType()), p.note(), actor, p.id(),
                        p.version())
                .update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from project where id = ? and version = ?").params(id, version).update() == 1;
    }

    /** Moves the version on for a change of the project's progress; false when the version read is not current. */
    boolean touch(long id, int version, String actor) {
        return jdbc.sql("update project set version = version + 1, updated_at = now(), updated_by = ? where id = ? and version = ?")
                .params(actor, id, version).update() == 1;
    }

    int version(long id) {
        return jdbc.sql("select version from project where id = ?").param(id).query(Integer.class).optional().orElse(-1);
    }

    Optional<Long> idOf(int regionId, String program, int year, String name) {
        return jdbc.sql("select id from project where region_id = ? and program_code = ? and year = ? and name = ?")
                .params(regionId, program, year, name.strip()).query(Long.class).optional();
    }

    /** The ids of the units' projects by {@link #key}, in one statement (each unit's projects read once). */
    Map<String, Long> ids(Collection<Integer> regionIds) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, region_id, program_code, year, name from project where region_id = any(?)")
                .param(regionIds.toArray(Integer[]::new))
                .query(rs -> {
                    ids.put(key(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5)), rs.getLong(1));
                });
        return ids;
    }

    /** A project's key: the name as stored, or as {@link #idOf} looks it up (the imported name stripped, the caller's). */
    static String key(int regionId, String program, int year, String name) {
        return regionId + "\u0000" + program + "\u0000" + year + "\u0000" + name;
    }

    Optional<ProjectView> find(long id, YearMonth upto) {
        // the project by its key in a subquery of its own: with the statistics the autovacuum leaves after the projects
        // were emptied (reltuples 0) the planner read project_scope_dates whole, in region order for the join, and
        // filtered the id — every project per find (ProjectImportWithoutStatisticsTest)
        return jdbc.sql(select("(select * from project where id = :id offset 0)")).param("id", id).param("upto", day(upto))
                .query((rs, n) -> view(rs, upto.getYear())).optional();
    }

    /**
     * Projects in a region's subtree counted towards {@code year} or carried over into it, optionally of
     * one program, with progress up to {@code upto}.
     */
    List<ProjectView> list(int scopeRegionId, int year, String program, String text, YearMonth upto, int limit, int offset) {
        return jdbc.sql(SELECT + """
                         join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                         where (p.year = :year or (p.year < :year and (p.basic_completed_on is null
                                                                         or extract(year from p.basic_completed_on) >= :year)))
                           and (cast(:program as text) is null or p.program_code = :program)
                           and (cast(:text as text) is null or p.name like '%' || :text || '%')
                         order by p.program_code, g.code, p.year, p.name
                         limit :limit offset :offset""")
                .param("scope", scopeRegionId).param("year", year).param("program", program).param("text", text)
                .param("upto", day(upto)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> view(rs, year)).list();
    }

    /** Filters of the project list: where, shared by the count and the rows (see {@link Projects#search}). */
    private static final String FILTERED = """
             join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
             where (p.year = :year or (p.year < :year and (p.basic_completed_on is null
                                                             or extract(year from p.basic_completed_on) >= :year)))
               and (cast(:program as text) is null or p.program_code = :program)
               and (cast(:text as text) is null or p.name like '%' || :text || '%' or p.code = :text)
               and (cast(:stage as text) is null
                    or :stage = 'NOT_STARTED' and (p.started_on is null or p.started_on > :uptoEnd)
                    or :stage = 'STARTED' and p.started_on <= :uptoEnd
                                          and (p.basic_completed_on is null or p.basic_completed_on > :uptoEnd)
                    or :stage = 'COMPLETED' and p.basic_completed_on <= :uptoEnd)""";

    /** A page of the list, filtered in SQL, ordered by program, unit, year, name and id. */
    org.anju.platform.Page<ProjectView> page(int scopeRegionId, int year, String program, String stage, String text,
                                            YearMonth upto, org.anju.platform.PageRequest request) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", scopeRegionId);
        params.put("year", year);
        params.put("program", program);
        params.put("stage", stage);
        params.put("text", text);
        params.put("upto", day(upto));
        params.put("uptoEnd", java.sql.Date.valueOf(upto.atEndOfMonth()));
        return org.anju.platform.PagedQuery.fetch(jdbc, request,
                "select count(*) from project p\n" + FILTERED,
                SELECT + FILTERED + "\norder by p.program_code, g.code, p.year, p.name, p.id",
                params, (rs, n) -> view(rs, year));
    }

    int count(int scopeRegionId, int year, String program, String text) {
        return jdbc.sql("""
                        select count(*) from project p
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                        where (p.year = :year or (p.year < :year and (p.basic_completed_on is null
                                                                        or extract(year from p.basic_completed_on) >= :year)))
                          and (cast(:program as text) is null or p.program_code = :program)
                          and (cast(:text as text) is null or p.name like '%' || :text || '%')""")
                .param("scope", scopeRegionId).param("year", year).param("program", program).param("text", text)
                .query(Integer.class).single();
    }

    /**
     * 续建结转 of a program in the subtree per unit, added up in SQL: projects of earlier plan years still open at the
     * start of the year, how many and how large, and how much of that is 基本建成/完工 by {@code end}. A size not stated
     * adds nothing to the sums (as the list it replaces did). Ordered by unit code.
     */
    List<Projects.CarriedOver> carriedOver(int scopeRegionId, int year, String program, java.time.LocalDate end) {
        return carriedOver(scopeRegionId, year, java.util.Optional.of(program), end).getOrDefault(program, List.of());
    }

    /**
     * The same for one program or every program (empty) in one statement, per program: a bulletin asks for each of
     * its programs, and each statement reads the scope's carried-over projects (issue 15).
     */
    java.util.Map<String, List<Projects.CarriedOver>> carriedOver(int scopeRegionId, int year,
                                                                  java.util.Optional<String> program,
                                                                  java.time.LocalDate end) {
        java.util.Map<String, List<Projects.CarriedOver>> byProgram = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select p.program_code, g.code, g.name, count(*) as projects,
                               count(*) filter (where p.basic_completed_on <= :end) as completed,
                               coalesce(sum(s.size), 0) as size,
                               coalesce(sum(s.size) filter (where p.basic_completed_on <= :end), 0) as completed_size
                        from project p
                        cross join lateral (select case when p.program_code = 'OLD_COMMUNITY' then p.households
                                                        else p.units end as size) s
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                        join region g on g.id = p.region_id
                        where p.year < :year and (p.basic_completed_on is null or extract(year from p.basic_completed_on) >= :year)
                          and (cast(:program as text) is null or p.program_code = :program)
                        group by p.program_code, g.code, g.name
                        order by p.program_code, g.code""")
                .param("scope", scopeRegionId).param("year", year).param("program", program.orElse(null))
                .param("end", java.sql.Date.valueOf(end))
                .query(rs -> {
                    byProgram.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                            .add(new Projects.CarriedOver(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                                    rs.getBigDecimal(6), rs.getBigDecimal(7)));
                });
        return byProgram;
    }

    /** Projects counted towards the year itself (not carried over into it). */
    int countOfYear(int scopeRegionId, int year, String program) {
        return jdbc.sql("""
                        select count(*) from project p
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = ?
                        where p.year = ? and p.program_code = ?""")
                .params(scopeRegionId, year, program).query(Integer.class).single();
    }

    /** {@link #countOfYear} per program, in one statement (index-only on project_scope_dates). */
    java.util.Map<String, Integer> countsOfYear(int scopeRegionId, int year) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        select p.program_code, count(*) from project p
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = ?
                        where p.year = ?
                        group by p.program_code""")
                .params(scopeRegionId, year)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** See {@link Projects#reached}: column names come from fixed switches, never from the caller's text. */
    Projects.Reach reached(int scopeRegionId, Projects.Selection s, LocalDate by) {
        String date = switch (s.stageCode()) {
            case "PRELIMINARY_WORK" -> "prelim_done_on";
            case "START" -> "started_on";
            case "BASIC_COMPLETION", "COMPLETION" -> "basic_completed_on";
            case "ACCEPTANCE" -> "accepted_on";
            case "DELIVERY" -> "delivered_on";
            case "OCCUPANCY" -> "occupied_on";
            default -> throw new org.anju.platform.BadInput("无法按项目核对的阶段：" + s.stageCode());
        };
        String size = s.measureCode() == null ? "1" : switch (s.measureCode()) {
            case "UNIT" -> "units";
            case "HOUSEHOLD" -> "households";
            case "COMMUNITY" -> "communities";
            case "BUILDING" -> "buildings";
            case "AREA_10K_M2" -> "area";
            default -> throw new org.anju.platform.BadInput("无法按项目核对的计量单位：" + s.measureCode());
        };
        return jdbc.sql("""
                        select count(*) as projects,
                               count(*) filter (where p.%1$s <= :by) as reached_projects,
                               sum(%2$s) as size,
                               coalesce(sum(%2$s) filter (where p.%1$s <= :by), 0) as reached_size,
                               count(*) filter (where %2$s is null) as unsized
                        from project p
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                        where p.program_code = :program and p.year = any(:years)
                          and (cardinality(cast(:placements as text[])) = 0 or p.placement = any(cast(:placements as text[])))
                          and (cardinality(cast(:constructions as text[])) = 0 or p.construction = any(cast(:constructions as text[])))
                          and (cardinality(cast(:types as text[])) = 0 or p.building_type = any(cast(:types as text[])))"""
                        .formatted(date, size.equals("1") ? "1" : "p." + size))
                .param("scope", scopeRegionId).param("by", Date.valueOf(by)).param("program", s.programCode())
                .param("years", s.years().toArray(Integer[]::new))
                .param("placements", s.placements().stream().map(Enum::name).toArray(String[]::new))
                .param("constructions", s.constructions().stream().map(Enum::name).toArray(String[]::new))
                .param("types", s.buildingTypes().stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new Projects.Reach(rs.getInt("projects"), rs.getInt("reached_projects"),
                        rs.getBigDecimal("size"), rs.getBigDecimal("reached_size"), rs.getInt("unsized"),
                        s.measureCode() == null)).single();
    }

    /** Projects of the subtree promised for delivery before {@code day} and not delivered by it (逾期交付). */
    List<ProjectView> overdueDeliveries(int scopeRegionId, LocalDate day) {
        return jdbc.sql(SELECT + """
                         join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                         where p.delivery_due_on < :day and (p.delivered_on is null or p.delivered_on > :day)
                         order by p.delivery_due_on, g.code, p.name""")
                .param("scope", scopeRegionId).param("day", Date.valueOf(day)).param("upto", day(YearMonth.from(day)))
                .query((rs, n) -> view(rs, day.getYear())).list();
    }

    void saveProgress(ProjectProgress p) {
        jdbc.sql("""
                        insert into project_progress (project_id, period, investment, image_progress, recorded_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (project_id, period) do update
                        set investment = excluded.investment, image_progress = excluded.image_progress,
                            recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(p.projectId(), day(p.period()), p.investment(), p.imageProgress(), p.recordedBy())
                .update();
    }

    List<ProjectProgress> progress(long projectId) {
        return jdbc.sql("select * from project_progress where project_id = ? order by period").param(projectId)
                .query((rs, n) -> new ProjectProgress(projectId, YearMonth.from(rs.getDate("period").toLocalDate()),
                        rs.getBigDecimal("investment"), rs.getString("image_progress"), rs.getString("recorded_by")))
                .list();
    }

    /**
     * What a unit's projects add up to at the end of a month, per indicator: sizes of the year's projects started
     * by then; sizes of the year's projects basically completed (完工) by then (a 收购 project may be finished before
     * its plan year), and of earlier years' projects completed within the year by then — a 2022 task finished in 2023 counts toward 2023's completion task, as seed 001 附件6 sets it, and
     * counted once, in the year it was reached; the same for 竣工验收 and 交付; planned and cumulative investment
     * of the year's projects. Only program × stage × measure combinations that are indicators survive the join.
     */
    List<Fact> facts(int regionId, YearMonth period) {
        return facts(regionId, List.of(period)).getOrDefault(period, List.of());
    }

    /** The same for several months at once (one query): what a change must leave as it was, see Projects. */
    java.util.Map<YearMonth, List<Fact>> facts(int regionId, java.util.Collection<YearMonth> periods) {
        java.util.Map<YearMonth, List<Fact>> facts = new java.util.TreeMap<>();
        if (periods.isEmpty()) {
            return facts;
        }
        jdbc.sql("""
                        select s.period, i.id, sum(s.value) as value
                        from (select m.period, p.program_code, v.stage, v.measure, sum(v.value) as value
                        from unnest(cast(? as text[])) as t(month)
                        cross join lateral (select cast(t.month as date) as period) m
                        cross join lateral (select cast(extract(year from m.period) as int) as year,
                                                   cast(date_trunc('year', m.period) as date) as start,
                                                   cast(m.period + interval '1 month' - interval '1 day' as date) as "end") d
                        join project p on p.region_id = ? and p.year <= d.year
                        left join lateral (select investment from project_progress x
                                           where x.project_id = p.id and x.period <= m.period
                                           order by x.period desc limit 1) inv on true
                        cross join lateral (select p.year = d.year as own) o
                        cross join lateral (select o.own,
                                                   p.basic_completed_on <= d."end" and (o.own or p.basic_completed_on >= d.start) as completed,
                                                   p.accepted_on <= d."end" and (o.own or p.accepted_on >= d.start) as accepted,
                                                   p.delivered_on <= d."end" and (o.own or p.delivered_on >= d.start) as delivered,
                                                   p.occupied_on <= d."end" and (o.own or p.occupied_on >= d.start) as occupied) w
                        cross join lateral (values
                            ('START', 'UNIT', case when w.own and p.started_on <= d."end" then p.units end),
                            ('START', 'HOUSEHOLD', case when w.own and p.started_on <= d."end" then p.households end),
                            ('START', 'COMMUNITY', case when w.own and p.started_on <= d."end" then p.communities end),
                            ('START', 'BUILDING', case when w.own and p.started_on <= d."end" then p.buildings end),
                            ('START', 'AREA_10K_M2', case when w.own and p.started_on <= d."end" then p.area end),
                            ('BASIC_COMPLETION', 'UNIT', case when w.completed then p.units end),
                            ('COMPLETION', 'HOUSEHOLD', case when w.completed then p.households end),
                            ('COMPLETION', 'COMMUNITY', case when w.completed then p.communities end),
                            ('COMPLETION', 'BUILDING', case when w.completed then p.buildings end),
                            ('COMPLETION', 'AREA_10K_M2', case when w.completed then p.area end),
                            ('ACCEPTANCE', 'UNIT', case when w.accepted then p.units end),
                            ('DELIVERY', 'UNIT', case when w.delivered then p.units end),
                            ('OCCUPANCY', 'UNIT', case when w.occupied then p.units end),
                            ('PLANNED_INVESTMENT', 'YUAN_10K', case when w.own then p.planned_investment end),
                            ('INVESTMENT', 'YUAN_10K', case when w.own then inv.investment end)) as v(stage, measure, value)
                        where v.value is not null
                        group by m.period, p.program_code, v.stage, v.measure) s
                        -- the indicators joined to the sums, not to every project's values: with the statistics the
                        -- autovacuum leaves after the projects were emptied (reltuples 0) the join came first and the
                        -- values were built once per indicator of the program (ProjectImportWithoutStatisticsTest)
                        join indicator i on i.program_code = s.program_code and i.stage_code = s.stage
                                        and i.measure_code = s.measure
                        group by s.period, i.id
                        order by s.period, i.id""")
                .params(periods.stream().map(m -> m.atDay(1).toString()).toArray(String[]::new), regionId)
                .query(rs -> {
                    facts.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), k -> new java.util.ArrayList<>())
                            .add(new Fact(rs.getInt(2), "", rs.getBigDecimal(3)));
                });
        return facts;
    }

    private static ProjectView view(ResultSet rs, int year) throws SQLException {
        Project p = new Project(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("program_code"), rs.getInt("year"), rs.getString("name"), rs.getString("code"),
                rs.getBigDecimal("units"), rs.getBigDecimal("households"), rs.getBigDecimal("communities"),
                rs.getBigDecimal("buildings"), rs.getBigDecimal("area"), rs.getBigDecimal("planned_investment"),
                date(rs, "prelim_done_on"), date(rs, "started_on"), date(rs, "basic_completed_on"),
                date(rs, "accepted_on"), date(rs, "delivered_on"), date(rs, "occupied_on"), date(rs, "delivery_due_on"),
                rs.getString("placement") == null ? null : Placement.valueOf(rs.getString("placement")),
                rs.getString("construction") == null ? null : Construction.valueOf(rs.getString("construction")),
                rs.getString("building_type") == null ? null : BuildingType.valueOf(rs.getString("building_type")),
                rs.getString("note"), rs.getInt("version"));
        Date period = rs.getDate("progress_period");
        BigDecimal investment = rs.getBigDecimal("investment");
        return new ProjectView(p, period == null ? null : YearMonth.from(period.toLocalDate()), investment,
                rs.getString("image_progress"), p.carriedOver(year));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Date day(YearMonth period) {
        return Date.valueOf(period.atDay(1));
    }

    /**
     * See {@link Projects#stallCandidates}: the same projects as {@link #list} (scope, year and carried-over ones) with the
     * rules of {@code Supervision.stalled} as a filter, so only the few that match leave the database. The earlier
     * progress is given only for projects started before the window (the only ones its rule concerns).
     */
    List<Projects.StallCandidate> stallCandidates(int scopeRegionId, YearMonth period) {
        int year = period.getYear();
        return jdbc.sql(STALL_CANDIDATES).params(stallParams(scopeRegionId, period))
                .query((rs, n) -> {
                    Date earlier = rs.getDate("earlier_period");
                    return new Projects.StallCandidate(view(rs, year),
                            earlier == null ? null : YearMonth.from(earlier.toLocalDate()),
                            rs.getBigDecimal("earlier_investment"));
                }).list();
    }

    /**
     * The statement of {@link #stallCandidates}, its parameters from {@link #stallParams}; StallCandidatesTest holds it
     * to the statement it replaced (issue 15, third session; EXPLAIN and CPU figures in docs/PERFORMANCE.md). The
     * plan is shaped on purpose, each step measured on 广东省, December 2025 (21,748 candidates, 10,409 listed):
     * <ul>
     *   <li>c — the scope's projects the rules on their own dates can concern, region by region on project_scope_dates
     *       (index-only; the planner otherwise chose a parallel scan of all 1,000,000 projects), in id order: the
     *       look-ups below then walk project_progress's indexes in key order, which more than halved their cost;</li>
     *   <li>m — the progress at the month: the row of the month itself if there is one, else the latest before it;</li>
     *   <li>l — for projects started before the window whose progress is later than its first month, the progress
     *       two months before the same way (the row of that month, else the latest before it), then the rules;</li>
     *   <li>only the listed projects' rows are read (the planner joined every candidate's row before filtering, or
     *       merged with all 1,000,000 of them: {@code offset 0} keeps it a look-up per listed project).</li>
     * </ul>
     * Each look-up is one descent of project_progress's primary key (the month's own row, or the latest before it).
     */
    static final String STALL_CANDIDATES = """
            with c as (
                select p.id, p.started_on, p.prelim_done_on
                from region_ancestor a
                cross join lateral (
                    select p.id, p.started_on, p.prelim_done_on from project p
                    where p.region_id = a.region_id and p.year <= :year
                      and (p.year = :year or (p.basic_completed_on is null or extract(year from p.basic_completed_on) >= :year))
                      and (p.basic_completed_on is null or p.basic_completed_on > :end)
                      and ((p.started_on <= :end and p.prelim_done_on is null)
                           or ((p.started_on is null or p.started_on > :end) and p.prelim_done_on is null and :month >= 6)
                           or ((p.started_on is null or p.started_on > :end) and :month >= 10)
                           or p.started_on < :windowStart)
                    offset 0) p
                where a.ancestor_id = :scope
                order by p.id
            ),
            m as (
                select c.*, pm.period as progress_period, pm.investment, pm.image_progress
                from c
                left join lateral (
                    select * from (select x.period, x.investment, x.image_progress from project_progress x
                                   where x.period = :upto and x.project_id = c.id
                                   union all
                                   (select x.period, x.investment, x.image_progress from project_progress x
                                    where x.project_id = c.id and x.period < :upto
                                    order by x.period desc limit 1)) u
                    limit 1) pm on true
            ),
            l as materialized (
                select m.*, coalesce(pw.period, case when m.progress_period <= :windowStart then m.progress_period end) as earlier_period,
                       case when pw.period is not null then pw.investment
                            when m.progress_period <= :windowStart then m.investment end as earlier_investment
                from m
                left join lateral (
                    select * from (select x.period, x.investment from project_progress x
                                   where m.started_on < :windowStart and m.progress_period > :windowStart
                                     and x.period = :windowStart and x.project_id = m.id
                                   union all
                                   (select x.period, x.investment from project_progress x
                                    where m.started_on < :windowStart and m.progress_period > :windowStart
                                      and x.project_id = m.id and x.period < :windowStart
                                    order by x.period desc limit 1)) u
                    limit 1) pw on true
                where (m.started_on <= :end and m.prelim_done_on is null)
                   or ((m.started_on is null or m.started_on > :end) and m.prelim_done_on is null and :month >= 6)
                   or ((m.started_on is null or m.started_on > :end) and :month >= 10)
                   or (m.started_on < :windowStart
                       and (m.progress_period is null or m.progress_period < :windowStart
                            or m.progress_period = :windowStart
                            or (pw.period is not null and m.investment <= pw.investment)))
            )
            select p.*, g.code as region_code, g.name as region_name,
                   l.progress_period, l.investment, l.image_progress,
                   case when l.started_on < :windowStart then l.earlier_period end as earlier_period,
                   case when l.started_on < :windowStart then l.earlier_investment end as earlier_investment
            from l
            cross join lateral (select * from project p where p.id = l.id offset 0) p
            join region g on g.id = p.region_id
            order by p.program_code, g.code, p.year, p.name""";

    static java.util.Map<String, Object> stallParams(int scopeRegionId, YearMonth period) {
        return java.util.Map.of("scope", scopeRegionId, "year", period.getYear(), "upto", day(period),
                "end", Date.valueOf(period.atEndOfMonth()), "month", period.getMonthValue(),
                "windowStart", day(period.minusMonths(2)));
    }
}
