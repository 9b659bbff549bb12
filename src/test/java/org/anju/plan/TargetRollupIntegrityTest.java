package org.anju.plan;

import org.anju.SeedDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * target_rollup's foreign key to plan, checked once per statement (V3_1521) instead of row by row: a sum naming no
 * plan is refused — also among thousands of good ones in one statement — a plan's deletion takes its sums, a plan with
 * sums keeps its id, and the plans named are locked against a concurrent delete as the key locked them. Each case on the
 * Jiangxi plan of the demo data, in a transaction that is rolled back.
 */
@SeedDataTest
class TargetRollupIntegrityTest extends JiangxiPlanRolledBack {

    @Autowired
    DataSource dataSource;

    long noPlan() {
        return count("select coalesce(max(id), 0) + 1000 from plan");
    }

    @Test
    void aSumOfAPlanThatDoesNotExistIsRefused() {
        long missing = noPlan();
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("""
                insert into target_rollup (plan_id, region_id, indicator_id, year, total, units)
                select ?, region_id, indicator_id, year, total, units from target_rollup where plan_id = ? limit 1""")
                .params(missing, plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("计划汇总（target_rollup）所属的计划 " + missing + " 不存在");
    }

    @Test
    void oneBadSumAmongManyGoodOnesRefusesTheWholeStatement() {
        long missing = noPlan();
        assertThatThrownBy(() -> rolledBack(plan -> {
            long sums = count("select count(*) from target_rollup where plan_id = ?", plan);
            assertThat(sums).as("the Jiangxi plan's sums").isGreaterThan(10);
            // the plan's sums written again, the last of them for a plan that does not exist
            jdbc.sql("""
                    insert into target_rollup (plan_id, region_id, indicator_id, year, total, units)
                    select case when row_number() over (order by region_id, indicator_id, year) = ? then ? else plan_id end,
                           region_id, indicator_id, year, total, units
                    from target_rollup where plan_id = ?""").params(sums, missing, plan).update();
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("计划 " + missing + " 不存在");
    }

    @Test
    void sumsOfAnExistingPlanAreAccepted() {
        rolledBack(plan -> {
            long before = count("select count(*) from target_rollup where plan_id = ?", plan);
            jdbc.sql("""
                    insert into target_rollup (plan_id, region_id, indicator_id, year, total, units)
                    select plan_id, region_id, indicator_id, year, total, units from target_rollup where plan_id = ?""")
                    .param(plan).update();
            assertThat(count("select count(*) from target_rollup where plan_id = ?", plan)).isEqualTo(2 * before);
            jdbc.sql("update target_rollup set units = units where plan_id = ?").param(plan).update();
        });
    }

    @Test
    void movingSumsToAPlanThatDoesNotExistIsRefused() {
        long missing = noPlan();
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("update target_rollup set plan_id = ? where plan_id = ?")
                .params(missing, plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("计划 " + missing + " 不存在");
    }

    @Test
    void deletingAPlanTakesItsSums() {
        rolledBack(plan -> {
            long others = count("select count(*) from target_rollup where plan_id <> ?", plan);
            assertThat(count("select count(*) from target_rollup where plan_id = ?", plan)).isPositive();
            jdbc.sql("delete from plan where id = ?").param(plan).update();
            assertThat(count("select count(*) from target_rollup where plan_id = ?", plan)).isZero();
            assertThat(count("select count(*) from target_rollup")).as("other plans' sums stay").isEqualTo(others);
        });
        assertThat(count("select count(*) from target_rollup where plan_id = ?", plan())).as("rolled back").isPositive();
    }

    /** A plan of its own, with nothing else naming it (the Jiangxi plan's tables have keys of their own). */
    long barePlan(long like) {
        return count("""
                insert into plan (title, issuer_region_id, first_year, last_year)
                select '汇总编号测试', issuer_region_id, first_year, last_year from plan where id = ? returning id""", like);
    }

    @Test
    void aPlanWithSumsKeepsItsId() {
        assertThatThrownBy(() -> rolledBack(plan -> {
            long bare = barePlan(plan);
            jdbc.sql("""
                    insert into target_rollup (plan_id, region_id, indicator_id, year, total, units)
                    select ?, region_id, indicator_id, year, total, units from target_rollup where plan_id = ? limit 1""")
                    .params(bare, plan).update();
            jdbc.sql("update plan set id = ? where id = ?").params(noPlan(), bare).update();
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("仍有汇总数");
    }

    @Test
    void aPlanWithoutSumsMayStillBeRenumbered() {
        rolledBack(plan -> {
            long bare = barePlan(plan);
            long to = noPlan();
            jdbc.sql("update plan set id = ? where id = ?").params(to, bare).update();
            assertThat(count("select count(*) from plan where id = ?", to)).isEqualTo(1);
        });
    }

    @Test
    void thePlanOfSumsBeingWrittenCannotBeDeletedMeanwhile() throws SQLException {
        long plan = plan();
        try (Connection writer = dataSource.getConnection(); Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            try (Statement w = writer.createStatement(); Statement d = deleter.createStatement()) {
                w.executeUpdate("insert into target_rollup (plan_id, region_id, indicator_id, year, total, units) "
                        + "select plan_id, region_id, indicator_id, year, total, units from target_rollup where plan_id = "
                        + plan + " limit 1");
                d.execute("set local lock_timeout = '300ms'");
                // the key's check locked the plan row (FOR KEY SHARE) until the writer ends: so does the statement's
                assertThatThrownBy(() -> d.executeUpdate("delete from plan where id = " + plan))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
            } finally {
                writer.rollback();
                deleter.rollback();
            }
        }
        assertThat(count("select count(*) from plan where id = ?", plan)).isEqualTo(1);
    }
}
