package org.anju.rental.lease;

import org.anju.AnjuTest;
import org.anju.PlanProbe;
import org.anju.SeededCounties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lease's page reads its 入户核查 and 年审 by the lease's key, with analyzed statistics too: {@value #LEASES} leases
 * of three checks and three reviews each (seeded by SQL with the triggers off, in a transaction rolled back), each
 * statement's plan read from {@code auto_explain}. Without an index on {@code lease_id} every page read both national
 * tables whole (V43_2111).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class LeaseChecksByLeaseTest {

    static final int LEASES = 100_000;
    /** Rows a read of one lease's three checks (or reviews) may handle. */
    static final long ONE_LEASE = 100;

    @Autowired
    LeaseRepository repository;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aLeasesChecksAndReviewsAreReadByItsKey() {
        SeededCounties.rolledBack(transactions, template, () -> {
            template.update("""
                    insert into rental_lease_check (lease_id, checked_on, occupied, note, created_by)
                    select l, date '2024-01-01' + k * 120, true, '入户核查', 'seed'
                      from generate_series(1, 3) k, generate_series(1, ?) l""", LEASES);
            template.update("""
                    insert into rental_lease_review (lease_id, reviewed_on, rule_set, outcome, reasons, created_by)
                    select l, date '2024-03-01' + k * 365, '规则 2024-01-01', 'ELIGIBLE', '符合', 'seed'
                      from generate_series(1, 3) k, generate_series(1, ?) l""", LEASES);
            return null;
        }, none -> {
            template.execute("analyze rental_lease_check");
            template.execute("analyze rental_lease_review");
            long lease = LEASES / 2;
            PlanProbe probe = new PlanProbe(template);
            assertThat(probe.read("checks(lease)", ONE_LEASE, () -> repository.checks(lease))).hasSize(3);
            assertThat(probe.read("reviews(lease)", ONE_LEASE, () -> repository.reviews(lease))).hasSize(3);
            System.out.println(probe.report("a lease's checks and reviews, analyzed statistics"));
            System.out.println(probe.plans("a lease's checks and reviews, analyzed statistics"));
            if (Boolean.getBoolean("sweep.timings")) {
                System.out.printf("TIMING checks(lease) %.3f ms%n", PlanProbe.median(() -> repository.checks(lease)));
                System.out.printf("TIMING reviews(lease) %.3f ms%n", PlanProbe.median(() -> repository.reviews(lease)));
                // the rows' own cost (their key and audit triggers off: the seeded leases do not exist), what an index adds to
                template.update("set local session_replication_role = replica");
                int[] n = {0};
                System.out.printf("TIMING insertCheck %.3f ms%n", PlanProbe.median(() -> repository.insertCheck(lease + n[0]++,
                        LocalDate.of(2025, 1, 1), true, "x", "t")));
                System.out.printf("TIMING insertReview %.3f ms%n", PlanProbe.median(() -> repository.insertReview(lease + n[0]++,
                        LocalDate.of(2025, 1, 1), "r", "ELIGIBLE", "x", "t")));
            }
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

}
