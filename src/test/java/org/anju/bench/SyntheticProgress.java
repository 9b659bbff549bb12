package org.anju.bench;

import org.anju.platform.PgCopy;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic country's progress for benchmarks: {@code projects} projects spread over every
 * county-level division and the years 2023–2025, each with monthly progress from its start to the end
 * of its year, written with COPY; the units' monthly figures (projects' and reported ones) derived in
 * SQL for the 36 months, as submitted reports would have them.
 */
final class SyntheticProgress {

    static final String[] PROGRAMS = {"AFFORDABLE_RENTAL", "PUBLIC_RENTAL", "SHANTYTOWN", "OLD_COMMUNITY"};
    static final YearMonth FIRST = YearMonth.of(2023, 1);
    static final int MONTHS = 36;

    private SyntheticProgress() {
    }

    /** Writes everything; returns the number of progress rows. */
    static long generate(JdbcClient jdbc, PgCopy copy, Regions regions, int projects, long seed) {
        List<Region> counties = regions.subtree(regions.root()).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList();
        SplittableRandom random = new SplittableRandom(seed);
        PgCopy.Rows rows = new PgCopy.Rows();
        PgCopy.Rows progress = new PgCopy.Rows();
        for (int id = 1; id <= projects; id++) {
            Region county = counties.get(random.nextInt(counties.size()));
            String program = PROGRAMS[random.nextInt(PROGRAMS.length)];
            int year = 2023 + random.nextInt(3);
            int size = 20 + random.nextInt(600);
            boolean old = program.equals("OLD_COMMUNITY");
            int planned = 500 + random.nextInt(20_000);
            int startMonth = 1 + random.nextInt(9);
            LocalDate started = random.nextInt(20) == 0 ? null : LocalDate.of(year, startMonth, 1 + random.nextInt(28));
            LocalDate prelim = started == null || random.nextInt(10) > 0 ? LocalDate.of(year, 1, 15) : null;
            LocalDate done = started != null && random.nextInt(3) == 0
                    ? started.plusMonths(4 + random.nextInt(4)).withDayOfMonth(20) : null;
            rows.add(id, county.id(), program, year, "项目" + id, old ? null : size, old ? size : null,
                    old ? 1 + random.nextInt(3) : null, old ? 2 + random.nextInt(20) : null, planned, prelim, started,
                    done == null || done.getYear() > 2025 ? null : done);
            if (started != null) {
                double invested = 0;
                for (YearMonth m = YearMonth.from(started); !m.isAfter(YearMonth.of(year, 12)); m = m.plusMonths(1)) {
                    invested += planned / 10.0 * random.nextDouble();
                    progress.add(id, m.atDay(1), Math.round(invested), m.getMonthValue() < 12 ? "施工中" : "主体完工");
                }
            }
        }
        copy.copy("project (id, region_id, program_code, year, name, units, households, communities, buildings, "
                + "planned_investment, prelim_done_on, started_on, basic_completed_on)", rows);
        jdbc.sql("select setval('project_id_seq', ?)").param(projects).query(Long.class).single();
        copy.copy("project_progress (project_id, period, investment, image_progress)", progress);
        // units' figures from their projects, month by month (the same rules as ProjectRepository.facts)
        jdbc.sql("""
                insert into progress_fact (region_id, period, indicator_id, source, value)
                select p.region_id, m.period, i.id, '', sum(v.value)
                from project p
                cross join lateral generate_series(make_date(p.year, 1, 1), make_date(p.year, 12, 1), interval '1 month') as m(period)
                left join lateral (select investment from project_progress x
                                   where x.project_id = p.id and x.period <= m.period
                                   order by x.period desc limit 1) inv on true
                cross join lateral (values
                    ('START', 'UNIT', case when p.started_on < m.period + interval '1 month' then p.units end),
                    ('START', 'HOUSEHOLD', case when p.started_on < m.period + interval '1 month' then p.households end),
                    ('START', 'COMMUNITY', case when p.started_on < m.period + interval '1 month' then p.communities end),
                    ('START', 'BUILDING', case when p.started_on < m.period + interval '1 month' then p.buildings end),
                    ('BASIC_COMPLETION', 'UNIT', case when p.basic_completed_on < m.period + interval '1 month' then p.units end),
                    ('COMPLETION', 'HOUSEHOLD', case when p.basic_completed_on < m.period + interval '1 month' then p.households end),
                    ('PLANNED_INVESTMENT', 'YUAN_10K', p.planned_investment),
                    ('INVESTMENT', 'YUAN_10K', inv.investment)) as v(stage, measure, value)
                join indicator i on i.program_code = p.program_code and i.stage_code = v.stage and i.measure_code = v.measure
                where v.value is not null
                group by p.region_id, m.period, i.id""").update();
        // the reported figures of every county and month: subsidy, funds by two sources, public-rental entry
        jdbc.sql("""
                insert into progress_fact (region_id, period, indicator_id, source, value)
                select r.id, m.period::date, i.id, s.source,
                       round((extract(month from m.period) * (50 + (r.id * 7919 + i.id * 31) % 400)) / 12.0 *
                             case when i.stage_code = 'FUND_RECEIVED' then 3 when i.stage_code = 'FUND_DISBURSED' then 2 else 1 end)
                from region r
                cross join generate_series(date '2023-01-01', date '2025-12-01', interval '1 month') as m(period)
                join indicator i on i.program_code in ('RENTAL_SUBSIDY', 'HOUSING')
                                 or (i.program_code = 'PUBLIC_RENTAL' and i.stage_code in ('NEW_BENEFICIARY', 'DATA_ENTRY', 'VACATE'))
                cross join lateral (select unnest(case when i.program_code = 'HOUSING'
                                                       then array['CENTRAL_SUBSIDY', 'SPECIAL_BOND'] else array[''] end)) as s(source)
                where r.kind = 'COUNTY'""").update();
        // every county submitted every month (so completeness checks see full reporting)
        jdbc.sql("""
                insert into report (region_id, period, status, version, deadline, submitted_at, submitted_by)
                select r.id, m.period::date, 'APPROVED', 3, (m.period + interval '1 month 4 days')::date,
                       m.period + interval '1 month 2 days', 'bench'
                from region r cross join generate_series(date '2023-01-01', date '2025-12-01', interval '1 month') as m(period)
                where r.kind = 'COUNTY'""").update();
        // and their months are in the sums (Rollups.rebuild counts the reporting units from these)
        jdbc.sql("""
                insert into progress_reported (region_id, period)
                select region_id, period from report where status in ('SUBMITTED', 'APPROVED', 'LOCKED')""").update();
        return progress.count();
    }
}
