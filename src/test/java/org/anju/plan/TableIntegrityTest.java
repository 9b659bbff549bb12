package org.anju.plan;

import org.anju.SeedDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the foreign keys of breakdown tables used to enforce row by row, now checked once per
 * statement (V3_1): nothing dangling gets in, deletes cascade, a region in use stays. Each case runs in a
 * transaction that is rolled back, on the Jiangxi plan of the demo data.
 */
@SeedDataTest
class TableIntegrityTest extends JiangxiPlanRolledBack {

    @Test
    void aTargetMustNameARowAndColumnItAgreesWith() {
        // a copy of an existing target pointing at a row that does not exist
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("""
                insert into target (row_id, column_id, plan_id, region_id, indicator_id, year, value, scale, detail)
                select -1, column_id, plan_id, region_id, indicator_id, year, value, scale, detail
                from target where plan_id = ? limit 1""").param(plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("row_id -1 不存在");
        // the same row and column, but claiming another region than its row's
        assertThatThrownBy(() -> rolledBack(plan -> {
            jdbc.sql("""
                    update target set region_id = (select id from region where code = '360700')
                    where (row_id, column_id) = (select row_id, column_id from target t join region g on g.id = t.region_id
                                                 where t.plan_id = ? and g.code = '361100' limit 1)""").param(plan).update();
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("不符");
        // another indicator than its column's
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("""
                update target set indicator_id = indicator_id + 1
                where (row_id, column_id) = (select row_id, column_id from target where plan_id = ? limit 1)""")
                .param(plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("column_id");
    }

    @Test
    void aTargetMustBeInThePlanOfItsRow() {
        // the same row and column, but claiming another plan (V3_1701 looks the row's table up on its own)
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("""
                update target set plan_id = (select min(id) from plan where id <> ?)
                where (row_id, column_id) = (select row_id, column_id from target where plan_id = ? limit 1)""")
                .params(plan, plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("row_id").hasMessageContaining("不符");
    }

    @Test
    void aTableRowMustBeOfAnExistingTableAndRegion() {
        String copy = """
                insert into breakdown_row (table_id, seq, label, region_id, role)
                select %s, 9999, label, %s, role from breakdown_row r
                where r.table_id = (select min(id) from breakdown_table where plan_id = ?) limit 1""";
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql(copy.formatted("-1", "region_id")).param(plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("的表、地区或上级行不存在");
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql(copy.formatted("table_id", "-1")).param(plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("的表、地区或上级行不存在");
        // the same row with its own table and region is accepted
        rolledBack(plan -> assertThat(jdbc.sql(copy.formatted("table_id", "region_id")).param(plan).update()).isOne());
    }

    @Test
    void aTableRowMustBeUnderARowOfItsOwnTable() {
        assertThatThrownBy(() -> rolledBack(plan -> jdbc.sql("""
                update breakdown_row set parent_row_id = (select min(r.id) from breakdown_row r join breakdown_table t
                                                          on t.id = r.table_id where t.plan_id = ? and t.seq = 2)
                where id = (select max(r.id) from breakdown_row r join breakdown_table t on t.id = r.table_id
                            where t.plan_id = ? and t.seq = 1)""").params(plan, plan).update()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("上级行");
    }

    @Test
    void deletingAPlanTakesItsTablesRowsAndTargets() {
        rolledBack(plan -> {
            assertThat(count("select count(*) from target where plan_id = ?", plan)).isPositive();
            long rows = count("select count(*) from breakdown_row r join breakdown_table t on t.id = r.table_id where t.plan_id = ?", plan);
            long allRows = count("select count(*) from breakdown_row");
            jdbc.sql("delete from plan where id = ?").param(plan).update();
            assertThat(count("select count(*) from target where plan_id = ?", plan)).isZero();
            assertThat(count("select count(*) from breakdown_row")).isEqualTo(allRows - rows);
            assertThat(count("select count(*) from target t where not exists (select from breakdown_row r where r.id = t.row_id)"))
                    .isZero();
        });
        assertThat(count("select count(*) from target where plan_id = ?", plan())).as("rolled back").isPositive();
    }

    @Test
    void deletingARowTakesItsTargetsAndTheRowsUnderIt() {
        rolledBack(plan -> {
            // 上饶市's row in table 1 of the Jiangxi plan, with its counties under it
            long shangrao = count("""
                    select r.id from breakdown_row r join breakdown_table t on t.id = r.table_id join region g on g.id = r.region_id
                    where t.plan_id = ? and t.seq = 1 and g.code = '361100'""", plan);
            long under = count("select count(*) from breakdown_row where parent_row_id = ?", shangrao);
            assertThat(under).isPositive();
            jdbc.sql("delete from breakdown_row where id = ?").param(shangrao).update();
            assertThat(count("select count(*) from breakdown_row where parent_row_id = ?", shangrao)).isZero();
            assertThat(count("select count(*) from target where row_id = ?", shangrao)).isZero();
            assertThat(count("select count(*) from target t where not exists (select from breakdown_row r where r.id = t.row_id)"))
                    .isZero();
        });
    }

    @Test
    void aRegionNamedInABreakdownTableIsNotDeleted() {
        // 德兴市: only its closure rows would stop it otherwise
        assertThatThrownBy(() -> rolledBack(plan -> {
            long id = count("select id from region where code = '361181'");
            // its towns (乡级) first: they would stop it too
            jdbc.sql("delete from region_ancestor where region_id in (select id from region where parent_id = ?)").param(id).update();
            jdbc.sql("delete from region where parent_id = ?").param(id).update();
            jdbc.sql("delete from region_ancestor where region_id = ? or ancestor_id = ?").params(id, id).update();
            jdbc.sql("delete from region_alias where region_id = ?").param(id).update();
            jdbc.sql("delete from region where id = ?").param(id).update();
        }))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("仍在分解表中使用");
    }
}
