package org.anju.region;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for the region tables. */
@Repository
class RegionStore {

    private final JdbcClient jdbc;

    RegionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A digest of the region tables, to tell whether they changed since the directory was read: the number of rows
     * and the sum of their creating transactions' ids ({@code xmin}), which every insert, update and delete moves (and
     * a rolled-back insert moves back). Reading 45,000 regions into a directory costs 0.2 s, this query milliseconds.
     */
    String fingerprint() {
        return org.anju.platform.TableDigest.of(jdbc, "region", "region_alias", "region_group_member");
    }

    /** The whole tree, 乡级 and 村级 units included. */
    RegionDirectory load() {
        return load(true);
    }

    /**
     * The tree; without {@code localUnits} only the reporting tree (about 4,000 of the 45,000 regions: no 乡级 or 村级
     * unit, nor their aliases), which is all a plan table's names resolve against — a command reads that at start
     * and the rest only when it asks for a town or community ({@code Regions}, {@code anju.regions.local-units-on-demand}).
     */
    RegionDirectory load(boolean localUnits) {
        // the kinds of RegionKind.local(), named once there; a group's members are reporting units (Regions.addUnit
        // refuses others)
        String reporting = localUnits ? "" : "where kind not in (" + java.util.Arrays.stream(RegionKind.values())
                .filter(RegionKind::local).map(k -> "'" + k.name() + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";
        String reportingAlias = localUnits ? "" : "where region_id in (select id from region " + reporting + ")";
        String reportingMember = localUnits ? "" : "where member_id in (select id from region " + reporting + ")";
        Map<Integer, Integer> sortOrders = new HashMap<>();
        List<Region> regions = jdbc.sql("""
                        select id, code, name, kind, level, parent_id, division_code, sort_order
                        from region %s order by id""".formatted(reporting))
                .query((rs, i) -> {
                    int id = rs.getInt("id");
                    sortOrders.put(id, rs.getInt("sort_order"));
                    return new Region(id, rs.getString("code"), rs.getString("name"),
                            RegionKind.valueOf(rs.getString("kind")), rs.getInt("level"),
                            rs.getObject("parent_id", Integer.class), rs.getString("division_code"));
                })
                .list();
        List<RegionDirectory.AliasRow> aliases = jdbc.sql("""
                        select alias, region_id, city_only, origin from region_alias %s order by region_id, origin, alias""".formatted(reportingAlias))
                .query((rs, i) -> new RegionDirectory.AliasRow(rs.getString(1), rs.getInt(2), rs.getBoolean(3),
                        rs.getString(4)))
                .list();
        List<RegionDirectory.MemberRow> members = jdbc.sql("select group_id, member_id from region_group_member " + reportingMember)
                .query((rs, i) -> new RegionDirectory.MemberRow(rs.getInt(1), rs.getInt(2)))
                .list();
        return new RegionDirectory(regions, sortOrders, aliases, members, localUnits);
    }

    /** Inserts a leaf below {@code parentId} with its closure rows; returns its id. */
    int insertLeaf(String code, String name, RegionKind kind, int level, int parentId, int sortOrder, String divisionCode) {
        int id = jdbc.sql("""
                        insert into region (code, name, kind, level, parent_id, division_code, sort_order)
                        values (:code, :name, :kind, :level, :parent, :division, :sortOrder)
                        returning id""")
                .param("code", code)
                .param("name", name)
                .param("kind", kind.name())
                .param("level", level)
                .param("parent", parentId)
                .param("sortOrder", sortOrder)
                .param("division", divisionCode)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into region_ancestor (region_id, ancestor_id, depth)
                        select :id, ancestor_id, depth + 1 from region_ancestor where region_id = :parent
                        union all
                        select :id, :id, 0""")
                .param("id", id)
                .param("parent", parentId)
                .update();
        return id;
    }

    void insertAlias(String alias, int regionId, boolean cityOnly, String origin) {
        jdbc.sql("""
                        insert into region_alias (alias, region_id, city_only, origin)
                        values (:alias, :region, :cityOnly, :origin)
                        on conflict do nothing""")
                .param("alias", alias)
                .param("region", regionId)
                .param("cityOnly", cityOnly)
                .param("origin", origin)
                .update();
    }

    void insertMember(int groupId, int memberId) {
        jdbc.sql("insert into region_group_member (group_id, member_id) values (:group, :member)")
                .param("group", groupId)
                .param("member", memberId)
                .update();
    }

    /** See {@link Regions#page}: ids of a page of children (or of the subtree when searching), in SQL. */
    org.anju.platform.Page<Integer> page(int parentId, boolean subtree, String kind, String text,
                                         org.anju.platform.PageRequest request) {
        String where = """
                from region r
                join region_ancestor a on a.region_id = r.id and a.ancestor_id = :parent
                where a.depth > 0 and (:subtree or a.depth = 1)
                  and (cast(:kind as text) is null or r.kind = :kind)
                  and (cast(:text as text) is null or r.name like '%' || :text || '%' or r.code like :text || '%'
                       or r.division_code like :text || '%')""";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("parent", parentId);
        params.put("subtree", subtree);
        params.put("kind", kind);
        params.put("text", text);
        return org.anju.platform.PagedQuery.fetch(jdbc, request, "select count(*) " + where,
                "select r.id " + where + "\norder by a.depth, r.kind in ('TOWN', 'COMMUNITY'), r.sort_order, r.code, r.id", params, (rs, n) -> rs.getInt(1));
    }
}
