package org.anju.progress;

import org.anju.SeedDataTest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sums above a unit move as its transaction commits (V12_1601): until then no row of 全国 (shared by every submit
 * in the country) is locked — another connection takes it with {@code nowait} — and the transaction reads the sums as
 * they were; after the commit every ancestor has moved by the difference, and nothing is left pending. On the seed data
 * (张掖市's units reported December 2023), changed and changed back.
 */
@SeedDataTest
class SumsAtCommitTest {

    private static final YearMonth DECEMBER = YearMonth.of(2023, 12);

    @Autowired
    Rollups rollups;
    @Autowired
    Regions regions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSharedRowsAreLockedOnlyByTheCommitAndMoveWithIt() throws Exception {
        Region nation = regions.root();
        List<Integer> units = regions.subtree(regions.byCode("620700").orElseThrow()).stream()
                .filter(r -> r.kind().reports()).map(Region::id).toList();
        int unit = rollups.reportedAmong(units, DECEMBER).stream().sorted()
                .filter(u -> !rollups.facts(u, DECEMBER).isEmpty()).findFirst().orElseThrow();
        List<Fact> before = rollups.facts(unit, DECEMBER);
        Fact first = before.getFirst();
        List<Fact> raised = new ArrayList<>(before);
        raised.set(0, new Fact(first.indicatorId(), first.source(), first.value().add(new BigDecimal("7"))));
        Map<Fact.Key, Rollups.Total> nationBefore = rollups.totals(nation.id(), DECEMBER);
        int reportedBefore = rollups.reported(nation.id(), DECEMBER);
        List<Integer> ancestors = jdbc.sql("select ancestor_id from region_ancestor where region_id = ? order by ancestor_id")
                .param(unit).query(Integer.class).list();
        Map<Integer, BigDecimal> ancestorsBefore = rollups.totals(ancestors, DECEMBER, first.indicatorId());

        tx.executeWithoutResult(s -> {
            rollups.replace(unit, DECEMBER, raised);
            assertThat(lockableNow("progress_rollup", nation.id())).as("全国's sums not locked before the commit").isTrue();
            assertThat(rollups.totals(nation.id(), DECEMBER)).as("read as before, inside the transaction")
                    .isEqualTo(nationBefore);
        });
        Map<Integer, BigDecimal> ancestorsAfter = rollups.totals(ancestors, DECEMBER, first.indicatorId());
        assertThat(ancestorsAfter.keySet()).isEqualTo(ancestorsBefore.keySet()).contains(nation.id());
        ancestors.forEach(a -> assertThat(ancestorsAfter.get(a)).as("region " + a)
                .isEqualByComparingTo(ancestorsBefore.get(a).add(new BigDecimal("7"))));
        assertThat(pending()).isZero();

        tx.executeWithoutResult(s -> rollups.replace(unit, DECEMBER, before));
        assertThat(rollups.totals(nation.id(), DECEMBER)).isEqualTo(nationBefore);

        tx.executeWithoutResult(s -> {
            rollups.counted(unit, DECEMBER, false);
            assertThat(lockableNow("progress_reporting", nation.id())).as("全国's count not locked before the commit")
                    .isTrue();
            assertThat(rollups.reported(nation.id(), DECEMBER)).isEqualTo(reportedBefore);
        });
        assertThat(rollups.reported(nation.id(), DECEMBER)).isEqualTo(reportedBefore - 1);
        tx.executeWithoutResult(s -> rollups.counted(unit, DECEMBER, true));
        assertThat(rollups.reported(nation.id(), DECEMBER)).isEqualTo(reportedBefore);
        assertThat(pending()).isZero();
    }

    /** Whether another connection can lock the region's rows of the month at once (the caller's transaction open). */
    private boolean lockableNow(String table, int regionId) {
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("select count(*) from (select 1 from " + table + " where region_id = "
                    + regionId + " and period = date '" + Date.valueOf(DECEMBER.atDay(1)) + "' for update nowait) x")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the rows exist").isPositive();
            } finally {
                other.rollback();
            }
            return true;
        } catch (java.sql.SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return false;   // lock_not_available
            }
            throw new IllegalStateException(e);
        }
    }

    private int pending() {
        return jdbc.sql("select count(*) from progress_sum_change").query(Integer.class).single();
    }
}
