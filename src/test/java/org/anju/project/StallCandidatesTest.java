package org.anju.project;

import org.anju.AnjuTest;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stalled-project statement ({@link ProjectRepository#STALL_CANDIDATES}, rewritten for speed in issue 15's third
 * session) returns exactly what the old one ({@link StallOracle}) returned — the same rows in the same order, column
 * for column — on a synthetic register whose monthly progress has gaps of every length (a month missing at the
 * window's start, at the month itself, months of silence, reports before the start date, none at all), investment
 * that stands still or is corrected downwards, projects carried over from earlier years and ones completed: for the
 * nation, a province, a city and a county, every month of 2022–2025.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=stall_candidates")
class StallCandidatesTest {

    private static final String[] PROGRAMS = {"SHANTYTOWN", "AFFORDABLE_RENTAL", "PUBLIC_RENTAL", "OLD_COMMUNITY",
            "MINING_SHANTYTOWN"};
    private static final String[] IMAGE = {"施工中", "主体完工", "基础施工", null};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Regions regions;
    @Autowired
    ProjectRepository repository;

    @Test
    void rewrittenStatementEqualsTheOldOneOnProgressWithGaps() {
        Region province = regions.byCode("620000").orElseThrow();
        Region city = regions.byCode("620700").orElseThrow();
        List<Region> counties = regions.subtree(province).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList();
        generate(counties, 2_000, new SplittableRandom(15));

        List<Region> scopes = List.of(regions.root(), province, city, regions.children(city).getFirst());
        int rows = 0;
        int gapAtWindowStart = 0;
        int noRowAtMonth = 0;
        int noProgress = 0;
        int standingStill = 0;
        for (Region scope : scopes) {
            for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                Map<String, Object> params = ProjectRepository.stallParams(scope.id(), m);
                List<Map<String, Object>> old = jdbc.sql(StallOracle.SQL).params(params).query().listOfRows();
                List<Map<String, Object>> now = jdbc.sql(ProjectRepository.STALL_CANDIDATES).params(params).query().listOfRows();
                assertThat(now).as("%s %s", scope.name(), m).hasSameSizeAs(old);
                for (int i = 0; i < old.size(); i++) {
                    assertThat(new ArrayList<>(now.get(i).keySet())).as("%s %s columns", scope.name(), m)
                            .isEqualTo(new ArrayList<>(old.get(i).keySet()));
                    assertThat(now.get(i)).as("%s %s row %d", scope.name(), m, i).isEqualTo(old.get(i));
                }
                // what the data exercises, so that the equality above is not vacuous
                Date start = Date.valueOf(m.minusMonths(2).atDay(1));
                Date month = Date.valueOf(m.atDay(1));
                for (Map<String, Object> r : old) {
                    Date progress = (Date) r.get("progress_period");
                    Date earlier = (Date) r.get("earlier_period");
                    noProgress += progress == null ? 1 : 0;
                    noRowAtMonth += progress != null && progress.before(month) && !progress.before(start) ? 1 : 0;
                    gapAtWindowStart += earlier != null && earlier.before(start) ? 1 : 0;
                    standingStill += earlier != null && ((java.math.BigDecimal) r.get("investment"))
                            .compareTo((java.math.BigDecimal) r.get("earlier_investment")) <= 0 ? 1 : 0;
                }
                rows += old.size();
                assertThat(repository.stallCandidates(scope.id(), m)).hasSize(old.size());
            }
        }
        assertThat(rows).as("rows compared").isGreaterThan(10_000);
        assertThat(noProgress).as("listed without any progress").isPositive();
        assertThat(noRowAtMonth).as("latest progress inside the window, not at the month").isPositive();
        assertThat(gapAtWindowStart).as("earlier progress before the window's start (no row at its first month)").isPositive();
        assertThat(standingStill).as("investment not grown over the window").isPositive();
    }

    /**
     * Projects of 2021–2025 over the province's counties, dates missing or in any order the register allows, and
     * monthly progress with gaps: a month is skipped one time in five, a unit falls silent for 3–8 months one time in
     * twenty-five, some report before their start date, investment stands still one month in four and is corrected
     * downwards one in thirty.
     */
    private void generate(List<Region> counties, int count, SplittableRandom random) {
        List<String[]> projects = new ArrayList<>();
        List<String[]> progress = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long id = 9_000_000L + i;
            int year = 2021 + random.nextInt(5);
            LocalDate prelim = random.nextInt(4) == 0 ? null : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate started = random.nextInt(6) == 0 ? null
                    : LocalDate.of(year, 1, 1).plusDays(random.nextInt(540) - 90);
            LocalDate done = started == null || random.nextInt(2) == 0 ? null : started.plusDays(60 + random.nextInt(900));
            projects.add(new String[]{Long.toString(id), Integer.toString(counties.get(random.nextInt(counties.size())).id()),
                    PROGRAMS[random.nextInt(PROGRAMS.length)], Integer.toString(year), "合成项目" + i,
                    Integer.toString(10 + random.nextInt(500)), text(prelim), text(started), text(done)});
            if (started == null && random.nextInt(5) > 0) {
                continue;
            }
            YearMonth from = started == null ? YearMonth.of(year, 1 + random.nextInt(12))
                    : YearMonth.from(started).minusMonths(random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0);
            YearMonth to = done == null ? YearMonth.of(2025, 12) : YearMonth.from(done);
            if (to.isAfter(YearMonth.of(2025, 12))) {
                to = YearMonth.of(2025, 12);
            }
            long investment = 0;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                if (random.nextInt(25) == 0) {
                    m = m.plusMonths(2 + random.nextInt(7));
                    continue;
                }
                if (random.nextInt(5) == 0) {
                    continue;
                }
                int move = random.nextInt(30);
                investment = move == 0 ? Math.max(0, investment - 1 - random.nextInt(50))
                        : move < 8 ? investment : investment + 1 + random.nextInt(300);
                progress.add(new String[]{Long.toString(id), m.atDay(1).toString(), Long.toString(investment),
                        IMAGE[random.nextInt(IMAGE.length)]});
            }
        }
        jdbc.sql("""
                        insert into project (id, region_id, program_code, year, name, units, prelim_done_on, started_on,
                                             basic_completed_on)
                        select cast(t.id as bigint), cast(t.region as int), t.program, cast(t.year as int), t.name,
                               cast(t.units as numeric), cast(t.prelim as date), cast(t.started as date), cast(t.done as date)
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                    cast(? as text[])) as t(id, region, program, year, name, units, prelim, started, done)""")
                .params(column(projects, 0), column(projects, 1), column(projects, 2), column(projects, 3),
                        column(projects, 4), column(projects, 5), column(projects, 6), column(projects, 7),
                        column(projects, 8))
                .update();
        jdbc.sql("""
                        insert into project_progress (project_id, period, investment, image_progress)
                        select cast(t.id as bigint), cast(t.period as date), cast(t.investment as numeric), t.image
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                             as t(id, period, investment, image)""")
                .params(column(progress, 0), column(progress, 1), column(progress, 2), column(progress, 3))
                .update();
        jdbc.sql("analyze project").update();
        jdbc.sql("analyze project_progress").update();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toArray(String[]::new);
    }
}
