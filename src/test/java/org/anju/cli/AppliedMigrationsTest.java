package org.anju.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations an archive's database applied, read from pg_restore's SQL of the history table ({@link PgArchives#applied}). */
class AppliedMigrationsTest {

    @Test
    void versionedAndSuccessfulOnlyInTheColumnsTheHeaderNames() {
        String sql = """
                --
                -- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
                --

                COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
                1\t0.1\tplatform\tSQL\tplatform/V0_1__platform.sql\t-1\tanju\t2026-12-01 10:00:00.1+00\t12\tt
                2\t\\N\tCalendarNotices\tJDBC\torg.anju.calendar.R__CalendarNotices\t5\tanju\t2026-12-01 10:00:01+00\t30\tt
                3\t3.1701\tplan checks without statistics\tSQL\tplan/V3_1701__plan_checks_without_statistics.sql\t7\tanju\t2026-12-01 10:00:02+00\t4\tt
                4\t99.0\tfailed one\tSQL\tV99_0__failed_one.sql\t1\tanju\t2026-12-01 10:00:03+00\t1\tf
                \\.

                """;
        assertThat(PgArchives.applied(sql)).containsExactly(new PgArchives.Applied("0.1", "platform"),
                new PgArchives.Applied("3.1701", "plan checks without statistics"));
    }

    @Test
    void noHistoryDataNoMigrations() {
        assertThat(PgArchives.applied("--\n-- PostgreSQL database dump\n--\n")).isEmpty();
    }
}
