package org.anju.rental.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class StockRepository {

    // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
    // depend on the statistics; CountyReadsWithoutStatisticsTest). %s: which estates, inside the estates' own
    // subquery
    private static final String ESTATE = """
            select e.*, g.code as region_code, g.name as region_name, c.dwellings, c.vacant, c.allocated, c.occupied,
                   c.repair, c.withdrawn
            from (select e.* from rental_estate e %s offset 0) e
            join region g on g.id = e.region_id
            left join lateral (select count(*) as dwellings,
                                      count(*) filter (where d.status = 'VACANT') as vacant,
                                      count(*) filter (where d.status = 'ALLOCATED') as allocated,
                                      count(*) filter (where d.status = 'OCCUPIED') as occupied,
                                      count(*) filter (where d.status = 'REPAIR') as repair,
                                      count(*) filter (where d.status = 'WITHDRAWN') as withdrawn
                               from rental_building b
                               cross join lateral (select d.status from rental_dwelling d where d.building_id = b.id offset 0) d
                               where b.estate_id = e.id) c on true
            """;

    // %s: the dwellings, each by id in a subquery of its own; their building and estate by key (ARCHITECTURE.md, plans
    // that do not depend on the statistics; with emptied statistics a join read a whole index per call, or per dwelling:
    // CountyReadsWithoutStatisticsTest, RoundsByIdWithoutStatisticsTest)
    private static final String DWELLING = """
            select d.*, b.name as building_name, b.estate_id, e.name as estate_name, g.code as region_code
            from %s
            cross join lateral (select b.name, b.estate_id from rental_building b where b.id = d.building_id offset 0) b
            cross join lateral (select e.name, e.region_id from rental_estate e where e.id = b.estate_id offset 0) e
            join region g on g.id = e.region_id
            """;

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One import or change of a county's stock at a time: a transaction-scoped lock on the county. */
    void lockRegion(int regionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rental_stock'), ?)").param(regionId).query().singleRow();
    }

    // ---- estates --------------------------------------------------------------------------------------

    Optional<Estate> estate(long id) {
        return jdbc.sql(ESTATE.formatted("where e.id = ?")).param(id).query(StockRepository::estate).optional();
    }

    List<Estate> estates(int scopeId) {
        return jdbc.sql(ESTATE.formatted("join region_ancestor a on a.region_id = e.region_id and a.ancestor_id = ?")
                        + " order by g.code, e.name")
                .param(scopeId).query(StockRepository::estate).list();
    }

    /** Estates of one county by the compared name. */
    Map<String, Estate> estatesByKey(int regionId) {
        Map<String, Estate> m = new HashMap<>();
        jdbc.sql(ESTATE.formatted("where e.region_id = ?")).param(regionId).query(StockRepository::estate).list()
                .forEach(e -> m.put(StockKeys.estate(e.name()), e));
        return m;
    }

    Optional<Long> estateId(int regionId, String nameKey) {
        return jdbc.sql("select id from rental_estate where region_id = ? and name_key = ?").params(regionId, nameKey)
                .query(Long.class).optional();
    }

    long insertEstate(Estate e, int regionId, String actor) {
        return jdbc.sql("""
                        insert into rental_estate (region_id, name, address, programme, ownership, project_code, name_key, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(regionId, e.name().strip(), e.address(), e.programme().name(), e.ownership(), e.projectCode(),
                        StockKeys.estate(e.name()), actor)
                .query(Long.class).single();
    }

    boolean updateEstate(Estate e, String actor) {
        return jdbc.sql("""
                        update rental_estate set name = ?, address = ?, programme = ?, ownership = ?, project_code = ?,
                               name_key = ?, version = version + 1, updated_at = now(), updated_by = ?
                        where id = ? and version = ?""")
                .params(e.name().strip(), e.address(), e.programme().name(), e.ownership(), e.projectCode(),
                        StockKeys.estate(e.name()), actor, e.id(), e.version())
                .update() == 1;
    }

    // ---- buildings --------------------------------------------------------------------------------------

    /** Building ids of an estate by compared name. */
    Map<String, Long> buildings(long estateId) {
        Map<String, Long> m = new HashMap<>();
        jdbc.sql("select id, name_key from rental_building where estate_id = ?").param(estateId)
                .query((rs, n) -> m.put(rs.getString("name_key"), rs.getLong("id"))).list();
        return m;
    }

    long insertBuilding(long estateId, String name) {
        return jdbc.sql("insert into rental_building (estate_id, name, name_key) values (?, ?, ?) returning id")
                .params(estateId, name.strip(), StockKeys.building(name)).query(Long.class).single();
    }

    /** Buildings of an estate with their names, in order. */
    List<Map.Entry<Long, String>> buildingNames(long estateId) {
        return jdbc.sql("select id, name from rental_building where estate_id = ? order by length(name_key), name_key")
                .param(estateId).query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).list();
    }

    // ---- dwellings --------------------------------------------------------------------------------------

    Optional<Dwelling> dwelling(long id) {
        return jdbc.sql(DWELLING.formatted("(select * from rental_dwelling where id = ? offset 0) d"))
                .param(id).query(StockRepository::dwelling).optional();
    }

    long buildingId(long dwellingId) {
        return jdbc.sql("select building_id from rental_dwelling where id = ?").param(dwellingId).query(Long.class).single();
    }

    List<Dwelling> dwellings(List<Long> ids) {
        return jdbc.sql(DWELLING.formatted("unnest(cast(? as bigint[])) x(id)"
                        + " cross join lateral (select * from rental_dwelling where id = x.id offset 0) d"))
                .param(ids.stream().distinct().toArray(Long[]::new)).query(StockRepository::dwelling).list();
    }

    /** The compared keys of every dwelling of a county: estate|building|entrance|room. */
    Map<String, String> dwellingKeys(int regionId) {
        // the county's dwellings by key from its estates (ARCHITECTURE.md, plans that do not depend on the statistics;
        // DwellingKeysWithoutStatisticsTest)
        Map<String, String> m = new HashMap<>();
        jdbc.sql("""
                        select e.name_key || '|' || b.name_key || '|' || d.dwelling_key as k, e.name as estate, b.name as building,
                               d.entrance, d.room_no
                        from rental_estate e
                        cross join lateral (select b.id, b.name, b.name_key from rental_building b where b.estate_id = e.id offset 0) b
                        cross join lateral (select d.dwelling_key, d.entrance, d.room_no from rental_dwelling d
                                            where d.building_id = b.id offset 0) d
                        where e.region_id = ?""")
                .param(regionId)
                .query((rs, n) -> m.put(rs.getString("k"), StockKeys.label(rs.getString("estate"), rs.getString("building"),
                        rs.getString("entrance"), rs.getString("room_no"))))
                .list();
        return m;
    }

    boolean dwellingExists(long buildingId, String key, Long except) {
        return jdbc.sql("select count(*) from rental_dwelling where building_id = ? and dwelling_key = ? and id <> ?")
                .params(buildingId, key, except == null ? -1L : except).query(Integer.class).single() > 0;
    }

    /** A page of dwellings of the subtree, optionally of one estate and one status; ordered by estate, building, room. */
    List<Dwelling> dwellings(int scopeId, Long estateId, StockStatus status, int limit, int offset) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select d.*, b.name as building_name, b.estate_id, e.name as estate_name, e.region_code
                        from (select e.id, e.name, g.code as region_code from rental_estate e
                                join region_ancestor a on a.region_id = e.region_id and a.ancestor_id = :scope
                                join region g on g.id = e.region_id
                               where (cast(:estate as bigint) is null or e.id = :estate) offset 0) e
                        cross join lateral (select b.* from rental_building b where b.estate_id = e.id offset 0) b
                        cross join lateral (select d.* from rental_dwelling d where d.building_id = b.id offset 0) d
                        where (cast(:status as text) is null or d.status = :status)
                        order by e.region_code, e.name, length(b.name_key), b.name_key, d.entrance, length(d.room_no), d.room_no
                        limit :limit offset :offset""")
                .param("scope", scopeId).param("estate", estateId).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query(StockRepository::dwelling).list();
    }

    int countDwellings(int scopeId, Long estateId, StockStatus status) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select count(*) from region_ancestor a
                        join rental_estate e on e.region_id = a.region_id
                        cross join lateral (select b.id from rental_building b where b.estate_id = e.id offset 0) b
                        cross join lateral (select d.status from rental_dwelling d where d.building_id = b.id offset 0) d
                        where a.ancestor_id = :scope and (cast(:estate as bigint) is null or e.id = :estate)
                          and (cast(:status as text) is null or d.status = :status)""")
                .param("scope", scopeId).param("estate", estateId).param("status", status == null ? null : status.name())
                .query(Integer.class).single();
    }

    /**
     * Enters a dwelling with the status it has on entry; since when it has it is not known (status_on null, V40_2411):
     * its 录入 event is dated the entry day, from which the month-end counts hold it.
     */
    long insertDwelling(long buildingId, Dwelling d, LocalDate today, String actor) {
        long id = jdbc.sql("""
                        insert into rental_dwelling (building_id, entrance, room_no, dwelling_key, address, floor, floor_area,
                               usable_area, layout, rooms, rent, rent_unit, status, status_on, entered_on, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?) returning id""")
                .params(buildingId, d.entrance(), d.roomNo(), StockKeys.dwelling(d.entrance(), d.roomNo()), d.address(),
                        d.floor(), d.floorArea(), d.usableArea(), d.layout(), d.rooms(), d.rent(),
                        d.rentUnit() == null ? null : d.rentUnit().name(), d.status().name(), today, actor)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on, by_user)
                        values (?, 1, 'ENTER', ?, ?, ?)""")
                .params(id, d.status().name(), today, actor).update();
        return id;
    }

    /**
     * Inserts many dwellings in one statement (their rows as JSON): the audit trail gets one entry per building, and
     * an 18 000-dwelling county is entered in seconds, not one round trip per row. Each dwelling's 录入 event is written
     * from the row its insert returns: it was a second statement that looked for the dwellings without an event, and
     * with the statistics as the autovacuum leaves them after the tables were emptied (reltuples 0) it read every
     * stored event once per new dwelling — 9.8 s instead of 0.06 s for 2,000 dwellings beside 40,000 (review of the
     * eighteenth session; {@code StockWithoutStatisticsTest}).
     *
     * The status each has since a day nobody told us, as in {@link #insertDwelling}.
     *
     * @return the dwellings inserted (each has one event)
     */
    int insertDwellings(String json, LocalDate today, String actor) {
        return jdbc.sql("""
                        with d as (
                            insert into rental_dwelling (building_id, entrance, room_no, dwelling_key, address, floor,
                                   floor_area, usable_area, layout, rooms, rent, rent_unit, status, status_on, entered_on,
                                   updated_by)
                            select building_id, entrance, room_no, dwelling_key, address, floor, floor_area, usable_area,
                                   layout, rooms, rent, rent_unit, status, cast(null as date), :today, :actor
                            from json_to_recordset(cast(:rows as json)) as x(building_id bigint, entrance text,
                                 room_no text, dwelling_key text, address text, floor integer, floor_area numeric,
                                 usable_area numeric, layout text, rooms integer, rent numeric, rent_unit text, status text)
                            returning id, status, entered_on)
                        insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on, by_user)
                        select d.id, 1, 'ENTER', d.status, d.entered_on, :actor from d""")
                .param("rows", json).param("today", today).param("actor", actor).update();
    }

    boolean updateDwelling(Dwelling d, String actor) {
        return jdbc.sql("""
                        update rental_dwelling set entrance = ?, room_no = ?, dwelling_key = ?, address = ?, floor = ?,
                               floor_area = ?, usable_area = ?, layout = ?, rooms = ?, rent = ?, rent_unit = ?,
                               version = version + 1, updated_at = now(), updated_by = ?
                        where id = ? and version = ?""")
                .params(d.entrance(), d.roomNo(), StockKeys.dwelling(d.entrance(), d.roomNo()), d.address(), d.floor(),
                        d.floorArea(), d.usableArea(), d.layout(), d.rooms(), d.rent(),
                        d.rentUnit() == null ? null : d.rentUnit().name(), actor, d.id(), d.version())
                .update() == 1;
    }

    /** Moves the status on when the version read is current; false otherwise. */
    boolean changeStatus(long id, int version, StockStatus to, LocalDate on, String actor) {
        return jdbc.sql("""
                        update rental_dwelling set status = ?, status_on = ?, version = version + 1, updated_at = now(),
                               updated_by = ? where id = ? and version = ?""")
                .params(to.name(), on, actor, id, version).update() == 1;
    }

    void addEvent(long id, StockStep step, StockStatus to, LocalDate on, String reason, String actor) {
        jdbc.sql("""
                        insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on, reason, by_user)
                        select ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? from rental_dwelling_event where dwelling_id = ?""")
                .params(id, step.name(), to.name(), on, reason, actor, id).update();
    }

    List<DwellingEvent> events(long id) {
        return jdbc.sql("select * from rental_dwelling_event where dwelling_id = ? order by seq").param(id)
                .query((rs, n) -> new DwellingEvent(rs.getInt("seq"), rs.getString("step"),
                        StockStatus.valueOf(rs.getString("status")), rs.getObject("effective_on", LocalDate.class),
                        rs.getString("reason"), rs.getObject("at", OffsetDateTime.class), rs.getString("by_user")))
                .list();
    }

    // ---- counts -----------------------------------------------------------------------------------------

    /** Status counts as at {@code day}, per region given (each summing its subtree): id → [vacant, allocated, occupied, repair, withdrawn, entered]. */
    Map<Integer, int[]> counts(Collection<Integer> regionIds, LocalDate day) {
        Map<Integer, int[]> m = new HashMap<>();
        if (regionIds.isEmpty()) {
            return m;
        }
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        jdbc.sql("""
                        select a.ancestor_id,
                               count(*) filter (where s.status = 'VACANT') as vacant,
                               count(*) filter (where s.status = 'ALLOCATED') as allocated,
                               count(*) filter (where s.status = 'OCCUPIED') as occupied,
                               count(*) filter (where s.status = 'REPAIR') as repair,
                               count(*) filter (where s.status = 'WITHDRAWN') as withdrawn,
                               count(*) as entered
                        from region_ancestor a
                        join rental_estate e on e.region_id = a.region_id
                        cross join lateral (select b.id from rental_building b where b.estate_id = e.id offset 0) b
                        cross join lateral (select d.id from rental_dwelling d where d.building_id = b.id
                                              and d.entered_on <= :day offset 0) d
                        cross join lateral (select v.status from rental_dwelling_event v
                                            where v.dwelling_id = d.id and v.effective_on <= :day
                                            order by v.effective_on desc, v.seq desc limit 1) s
                        where a.ancestor_id in (:ids)
                        group by a.ancestor_id""")
                .param("ids", regionIds).param("day", day)
                .query((rs, n) -> m.put(rs.getInt("ancestor_id"), new int[] {rs.getInt("vacant"), rs.getInt("allocated"),
                        rs.getInt("occupied"), rs.getInt("repair"), rs.getInt("withdrawn"), rs.getInt("entered")}))
                .list();
        return m;
    }

    // ---- historic totals --------------------------------------------------------------------------------

    Map<Integer, HistoricTotal> historicTotals(int scopeId) {
        Map<Integer, HistoricTotal> m = new HashMap<>();
        jdbc.sql("""
                        select t.*, g.code, g.name from rental_historic_total t join region g on g.id = t.region_id
                        join region_ancestor a on a.region_id = t.region_id and a.ancestor_id = ?""")
                .param(scopeId)
                .query((rs, n) -> m.put(rs.getInt("region_id"), new HistoricTotal(rs.getString("code"), rs.getString("name"),
                        rs.getInt("total"), rs.getString("note"), rs.getInt("version"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"))))
                .list();
        return m;
    }

    /** Sets a region's total: a new one with version 0, a stored one only at the version read. */
    boolean saveHistoricTotal(int regionId, int total, String note, int version, String actor) {
        if (version == 0) {
            return jdbc.sql("""
                            insert into rental_historic_total (region_id, total, note, updated_by) values (?, ?, ?, ?)
                            on conflict (region_id) do nothing""")
                    .params(regionId, total, note, actor).update() == 1;
        }
        return jdbc.sql("""
                        update rental_historic_total set total = ?, note = ?, version = version + 1, updated_at = now(),
                               updated_by = ? where region_id = ? and version = ?""")
                .params(total, note, actor, regionId, version).update() == 1;
    }

    // ---- mapping ----------------------------------------------------------------------------------------

    private static Estate estate(ResultSet rs, int n) throws SQLException {
        return new Estate(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"), rs.getString("name"),
                rs.getString("address"), Programme.valueOf(rs.getString("programme")), rs.getString("ownership"),
                rs.getString("project_code"), rs.getInt("version"), integer(rs, "dwellings"), integer(rs, "vacant"),
                integer(rs, "allocated"), integer(rs, "occupied"), integer(rs, "repair"), integer(rs, "withdrawn"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Dwelling dwelling(ResultSet rs, int n) throws SQLException {
        String unit = rs.getString("rent_unit");
        return new Dwelling(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("estate_name"), rs.getString("region_code"),
                rs.getString("building_name"), rs.getString("entrance"), rs.getString("room_no"), rs.getString("address"),
                integer(rs, "floor"), rs.getBigDecimal("floor_area"), rs.getBigDecimal("usable_area"), rs.getString("layout"),
                integer(rs, "rooms"), rs.getBigDecimal("rent"), unit == null ? null : RentUnit.valueOf(unit),
                StockStatus.valueOf(rs.getString("status")), rs.getObject("status_on", LocalDate.class),
                rs.getObject("entered_on", LocalDate.class), rs.getInt("version"));
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
