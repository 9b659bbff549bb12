package org.anju.region;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the 41,352 乡级 units of {@code region/towns.csv.gz} below their county-level regions, with their closure
 * rows: one statement over arrays for the regions and one for the closure (each town's parent's ancestors plus
 * itself). A town's code and division code are its 12-digit statistical code; its level is 4.
 */
@Component
class V1_4__LoadTowns extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V1_4__LoadTowns.class);

    @Override
    public Integer getChecksum() {
        return RegionSource.townsChecksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        long start = System.nanoTime();
        List<RegionSource.Town> towns = RegionSource.towns();
        Connection c = context.getConnection();
        String[] codes = new String[towns.size()];
        String[] names = new String[towns.size()];
        String[] parents = new String[towns.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = towns.get(i).code();
            names[i] = towns.get(i).name();
            parents[i] = towns.get(i).parentCode();
        }
        int inserted;
        // the foreign keys checked once per statement instead of once per row (41,352 parents, 206,000 closure
        // rows × 2): dropped here, added again (and so validated with one join each) at the end
        try (Statement st = c.createStatement()) {
            st.execute("alter table region drop constraint region_parent_id_fkey");
            st.execute("alter table region_ancestor drop constraint region_ancestor_region_id_fkey, "
                    + "drop constraint region_ancestor_ancestor_id_fkey");
        }
        try (PreparedStatement st = c.prepareStatement("""
                with t (code, name, parent_code) as (select * from unnest(?::text[], ?::text[], ?::text[])),
                missing as (select t.code, t.parent_code from t left join region p on p.code = t.parent_code
                            where p.id is null or p.kind not in ('COUNTY', 'DEV_ZONE', 'PREFECTURE'))
                insert into region (code, name, kind, level, parent_id, division_code, sort_order)
                select t.code, t.name, 'TOWN', 4, p.id, t.code, 0
                from t join region p on p.code = t.parent_code
                where not exists (select 1 from missing)
                order by t.code
                """)) {
            st.setArray(1, c.createArrayOf("text", codes));
            st.setArray(2, c.createArrayOf("text", names));
            st.setArray(3, c.createArrayOf("text", parents));
            inserted = st.executeUpdate();
        }
        long t1 = System.nanoTime();
        if (inserted != towns.size()) {
            throw new IllegalStateException("乡级数据中有 " + (towns.size() - inserted) + " 个所在县级区划不存在或不是县级，未载入");
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into region_ancestor (region_id, ancestor_id, depth)
                select t.id, a.ancestor_id, a.depth + 1
                from region t join region_ancestor a on a.region_id = t.parent_id
                where t.kind = 'TOWN'
                union all
                select id, id, 0 from region where kind = 'TOWN'
                """)) {
            st.executeUpdate();
        }
        long t2 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("alter table region add constraint region_parent_id_fkey foreign key (parent_id) references region (id)");
            st.execute("alter table region_ancestor add constraint region_ancestor_region_id_fkey foreign key (region_id) "
                    + "references region (id), add constraint region_ancestor_ancestor_id_fkey foreign key (ancestor_id) "
                    + "references region (id)");
            st.execute("analyze region, region_ancestor");
        }
        log.info("已载入乡级区划 {} 个，用时 {} ms（区划 {} ms，上下级关系 {} ms）", inserted, (System.nanoTime() - start) / 1_000_000,
                (t1 - start) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
