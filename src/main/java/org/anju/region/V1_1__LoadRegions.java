package org.anju.region;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * Loads divisions, units, aliases and group members from the resource files and builds the closure
 * table. A Spring bean, so that Spring Boot hands it to Flyway. Each table is written with one
 * statement over arrays ({@code unnest}), the closure with one recursive query.
 */
@Component
class V1_1__LoadRegions extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V1_1__LoadRegions.class);

    @Override
    public Integer getChecksum() {
        return RegionSource.checksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        long start = System.nanoTime();
        RegionSource.LoadSet set = RegionSource.read();
        Connection c = context.getConnection();
        List<RegionSource.Entry> regions = set.regions();
        try (PreparedStatement st = c.prepareStatement("""
                insert into region (id, code, name, kind, level, parent_id, division_code, sort_order)
                select * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::int[], ?::text[], ?::int[])
                """)) {
            st.setArray(1, array(c, "integer", regions, RegionSource.Entry::id));
            st.setArray(2, array(c, "text", regions, RegionSource.Entry::code));
            st.setArray(3, array(c, "text", regions, RegionSource.Entry::name));
            st.setArray(4, array(c, "text", regions, e -> e.kind().name()));
            st.setArray(5, array(c, "smallint", regions, e -> (short) e.level()));
            st.setArray(6, array(c, "integer", regions, RegionSource.Entry::parentId));
            st.setArray(7, array(c, "text", regions, RegionSource.Entry::divisionCode));
            st.setArray(8, array(c, "integer", regions, RegionSource.Entry::sortOrder));
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into region_alias (alias, region_id, city_only, origin)
                select * from unnest(?::text[], ?::int[], ?::boolean[], ?::text[])
                """)) {
            List<RegionSource.AliasEntry> aliases = set.aliases();
            st.setArray(1, array(c, "text", aliases, RegionSource.AliasEntry::alias));
            st.setArray(2, array(c, "integer", aliases, RegionSource.AliasEntry::regionId));
            st.setArray(3, array(c, "boolean", aliases, RegionSource.AliasEntry::cityOnly));
            st.setArray(4, array(c, "text", aliases, RegionSource.AliasEntry::origin));
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into region_group_member (group_id, member_id)
                select * from unnest(?::int[], ?::int[])
                """)) {
            List<RegionSource.MemberEntry> members = set.members();
            st.setArray(1, array(c, "integer", members, RegionSource.MemberEntry::groupId));
            st.setArray(2, array(c, "integer", members, RegionSource.MemberEntry::memberId));
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    insert into region_ancestor (region_id, ancestor_id, depth)
                    with recursive up (region_id, ancestor_id, depth) as (
                        select id, id, 0 from region
                        union all
                        select up.region_id, r.parent_id, up.depth + 1
                        from up join region r on r.id = up.ancestor_id
                        where r.parent_id is not null)
                    select region_id, ancestor_id, depth from up
                    """);
            st.execute("select setval(pg_get_serial_sequence('region', 'id'), (select max(id) from region))");
            st.execute("analyze region, region_alias, region_group_member, region_ancestor");
        }
        log.info("已载入区划 {} 个、别名 {} 个、片区成员 {} 个，用时 {} ms", regions.size(), set.aliases().size(),
                set.members().size(), (System.nanoTime() - start) / 1_000_000);
    }

    private static <T> Array array(Connection c, String type, List<T> rows, Function<T, Object> value) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf(type, values);
    }
}
