package org.anju.account;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled clean-up drops every module's rows kept for a while once they are older than kept — the import outcomes
 * kept 30 days to answer a repeat too, which stayed until that module's next import however long after (review 23 L4)
 * — and leaves the younger ones.
 */
@AnjuTest
class ScheduledCleanUpTest {

    @Autowired
    AccountMaintenance maintenance;
    @Autowired
    JdbcClient jdbc;

    @Test
    void dropsTheRowsOlderThanKeptInEveryModule() {
        jdbc.sql("""
                insert into rental_stock_import_done (token, owner, file_name, region_code, region_name, dwellings,
                                                      estates_added, buildings_added, done_at)
                values ('00000000-0000-0000-0000-00000000c001', 't_cleanup', '旧.xlsx', '361102', '信州区', 1, 0, 0, now() - interval '31 days'),
                       ('00000000-0000-0000-0000-00000000c002', 't_cleanup', '新.xlsx', '361102', '信州区', 1, 0, 0, now() - interval '29 days')""")
                .update();
        jdbc.sql("""
                insert into report_import_done (username, sha256, submit, file_name, saved, submitted, reports, done_at)
                values ('t_cleanup', 'old', false, '旧.csv', 1, 0, '[]', now() - interval '31 days'),
                       ('t_cleanup', 'new', false, '新.csv', 1, 0, '[]', now() - interval '29 days')""").update();
        jdbc.sql("insert into request_once (owner, key, made_at, digest, result) values "
                + "('t_cleanup', 'k-old', now() - interval '25 hours', 'd', '1'), ('t_cleanup', 'k-new', now() - interval '23 hours', 'd', '2')")
                .update();

        maintenance.cleanUp();

        assertThat(jdbc.sql("select file_name from rental_stock_import_done where owner = 't_cleanup'").query(String.class).list())
                .containsExactly("新.xlsx");
        assertThat(jdbc.sql("select sha256 from report_import_done where username = 't_cleanup'").query(String.class).list())
                .containsExactly("new");
        assertThat(jdbc.sql("select key from request_once where owner = 't_cleanup'").query(String.class).list())
                .containsExactly("k-new");
    }

    /** One module's clean-up failing (a lock waited for, a busy database) does not keep the others' rows (review 24 L1). */
    @Test
    void oneModulesFailureDoesNotStopTheOthers(@Autowired org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions,
                                               @Autowired LoginThrottle throttle, @Autowired org.anju.platform.Once once) {
        jdbc.sql("insert into request_once (owner, key, made_at, digest, result) values ('t_cleanup2', 'k-old', now() - interval '25 hours', 'd', '1')")
                .update();
        org.anju.platform.Expiring failing = new org.anju.platform.Expiring() {
            @Override
            public String what() {
                return "会失败的清理";
            }

            @Override
            public int dropExpired() {
                throw new org.springframework.dao.CannotAcquireLockException("lock timeout");
            }
        };
        new AccountMaintenance(sessions, throttle, java.util.List.of(failing, once)).cleanUp();
        assertThat(jdbc.sql("select count(*) from request_once where owner = 't_cleanup2'").query(Integer.class).single()).isZero();
    }
}
