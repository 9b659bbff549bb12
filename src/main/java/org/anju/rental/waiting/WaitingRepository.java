package org.anju.rental.waiting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the waiting list; no access checks here. The list is computed from the households as they are (qualified
 * 实物配租, open, no allocation in force, not struck off), ordered by a key the city's rules give: the rank of the
 * first priority group, or minus the score.
 */
@Repository
class WaitingRepository {

    /** One household on the list with its sort key. */
    record Row(long id, String certificateNo, LocalDate qualifiedOn, String name, String idNumber, int countyId,
               long key, String groups, int total) {
    }

    /** Which households: a city or a county, optionally only a group's members, optionally only those in no open round. */
    record Scope(boolean city, int regionId, String group, boolean free) {
    }

    private final JdbcClient jdbc;

    WaitingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final long NO_GROUP = 1_000_000L;

    /*
     * The list is computed over every waiting household of the scope (a city: 100,000 and more), so each of them must
     * cost little (docs/PERFORMANCE.md, RentalBench): their columns for filtering and ordering come from the covering
     * partial indexes rental_household_waiting_city/_county (index-only, V42_2); whether a household is in one of the
     * rules' groups at all, and whether it was struck off, are probes into hashed sets built once per statement (NOT IN /
     * IN over a column without nulls: the same as NOT EXISTS / EXISTS), so only the households in a group (a fifth) look
     * their groups up; the wide columns — masked name and ID number, the groups as text — are read for the page's rows
     * only, after sorting. The hashed sets need more than the default work_mem: see {@link #roomToSort}.
     */
    private static String base(WaitingRules rules, Scope scope) {
        boolean priority = rules.ordering() == WaitingRules.Ordering.PRIORITY_DATE;
        String inGroup = "h.id in (select g.household_id from rental_household_group g where g.name = any(cast(:groups as text[])))";
        String key = priority
                ? """
                  case when %s then
                    (select min(p.ord) from rental_household_group g
                       join unnest(cast(:groups as text[])) with ordinality as p(name, ord) on p.name = g.name
                      where g.household_id = h.id)
                  else %d end""".formatted(inGroup, NO_GROUP)
                : """
                  -(case when %s then
                      (select sum(p.pts) from rental_household_group g
                         join unnest(cast(:groups as text[]), cast(:points as int[])) as p(name, pts) on p.name = g.name
                        where g.household_id = h.id)
                    else 0 end
                    + :yearPoints * cast(extract(year from age(cast(:today as date), h.qualified_on)) as int))""".formatted(inGroup);
        return """
                with w as (
                  select h.id, h.certificate_no, h.qualified_on, h.county_id, %s as k
                    from rental_household h
                   where h.%s = :scope and h.guarantee = 'PUBLIC_RENTAL' and h.closed_on is null
                     and h.qualified_on <= :today
                     and not exists (select 1 from rental_allocation a where a.household_id = h.id and a.cancelled_on is null)
                     and h.id not in (select x.household_id from rental_waiting_exclusion x)
                     and h.id not in (select l.household_id from rental_lease l where l.status in ('SIGNED', 'ACTIVE', 'EXITING'))
                     %s %s
                )
                """.formatted(key, scope.city() ? "city_id" : "county_id",
                scope.group() == null ? "" : """
                        and exists (select 1 from rental_household_group gg where gg.household_id = h.id and gg.name = :group)""",
                scope.free() ? """
                        and not exists (select 1 from rental_round_candidate c join rental_round r on r.id = c.round_id
                                         where c.household_id = h.id and r.status <> 'CLOSED'
                                           and (c.state is null or c.state in ('SELECTED', 'WAITING')))""" : "");
    }

    /**
     * Gives the current (read-only) transaction's sorts and hashed sets room in memory: a city's list hashes the ids of
     * every household in a priority group of the province (~170,000 in RentalBench, ~6 MB) and sorts 100,000 rows; with
     * the default 4 MB they would spill to disk or fall back to a lookup per household. Local to the transaction.
     */
    void roomToSort() {
        jdbc.sql("select set_config('work_mem', '32MB', true)").query(String.class).single();
    }

    private static Map<String, Object> params(WaitingRules rules, Scope scope, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scope.regionId());
        p.put("today", today);
        if (rules.ordering() == WaitingRules.Ordering.PRIORITY_DATE) {
            p.put("groups", rules.groups().toArray(String[]::new));
        } else {
            p.put("groups", rules.points().keySet().toArray(String[]::new));
            p.put("points", rules.points().values().toArray(Integer[]::new));
            p.put("yearPoints", rules.yearPoints() == null ? 0 : rules.yearPoints());
        }
        if (scope.group() != null) {
            p.put("group", scope.group());
        }
        return p;
    }

    /** The page's rows (w) with their wide columns, in order. */
    private static final String SELECT = """
            select w.id, w.certificate_no, w.qualified_on, h.applicant_name_masked, h.applicant_id_masked, w.county_id, w.k,
                   (select string_agg(g.name, '、' order by g.name) from rental_household_group g where g.household_id = w.id),
                   w.total
              from %s w join rental_household h on h.id = w.id
             order by w.k, w.qualified_on, w.certificate_no""";

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getInt(9));
    }

    /** A page in order. */
    List<Row> page(WaitingRules rules, Scope scope, LocalDate today, int offset, int limit) {
        return jdbc.sql(base(rules, scope) + SELECT.formatted("""
                        (select w.*, count(*) over () as total from w
                          order by w.k, w.qualified_on, w.certificate_no offset :offset limit :limit)"""))
                .params(params(rules, scope, today)).param("offset", offset).param("limit", limit)
                .query(WaitingRepository::row).list();
    }

    /** The version of a city's waiting lists: bumped by every change they are computed from (V45_1). */
    long version(int cityId) {
        return jdbc.sql("select coalesce((select version from rental_waiting_version where city_id = :city), 0)")
                .param("city", cityId).query(Long.class).single();
    }

    /** The whole list in order, ids and keys only (for {@link WaitingOrders}). */
    WaitingOrders.Order order(WaitingRules rules, Scope scope, LocalDate today) {
        List<long[]> rows = jdbc.sql(base(rules, scope) + "select w.id, w.k from w order by w.k, w.qualified_on, w.certificate_no")
                .params(params(rules, scope, today))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .list();
        long[] ids = new long[rows.size()];
        long[] keys = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i)[0];
            keys[i] = rows.get(i)[1];
        }
        return new WaitingOrders.Order(ids, keys);
    }

    /** The household holding a 资格证号, if any. */
    Optional<Long> holder(String certificateNo) {
        return jdbc.sql("select id from rental_household where certificate_no = :c").param("c", certificateNo)
                .query(Long.class).optional();
    }

    /** A household of an order as a page shows it: masked name and ID number, 资格证, county, groups. */
    record Shown(String certificateNo, LocalDate qualifiedOn, int countyId, String name, String idNumber, String groups) {
    }

    /** What a page shows of some households of an order, by id. */
    Map<Long, Shown> shown(long[] ids) {
        Map<Long, Shown> found = new HashMap<>();
        jdbc.sql("""
                        select h.id, h.certificate_no, h.qualified_on, h.county_id, h.applicant_name_masked, h.applicant_id_masked,
                               (select string_agg(g.name, '、' order by g.name) from rental_household_group g
                                 where g.household_id = h.id)
                          from rental_household h where h.id = any(:ids)""")
                .param("ids", Arrays.stream(ids).boxed().toArray(Long[]::new))
                .query((rs, n) -> found.put(rs.getLong(1), new Shown(rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7))))
                .list();
        return found;
    }

    /** A household for the public lookup: found by 资格证号, and only when the ID number's blind index is one of its people's. */
    record Lookup(long id, int cityId, int countyId, String guarantee, LocalDate closedOn, String name, String idNumber,
                  LocalDate allocatedOn, LocalDate excludedOn) {
    }

    Optional<Lookup> lookup(String certificateNo, byte[] idBidx) {
        return jdbc.sql("""
                        select h.id, h.city_id, h.county_id, h.guarantee, h.closed_on, h.applicant_name_masked,
                               h.applicant_id_masked,
                               (select a.allocated_on from rental_allocation a where a.household_id = h.id and a.cancelled_on is null),
                               (select x.since from rental_waiting_exclusion x where x.household_id = h.id)
                          from rental_household h
                         where h.certificate_no = :certificate
                           and (h.applicant_id_bidx = :bidx
                                or exists (select 1 from rental_member m where m.household_id = h.id and m.id_bidx = :bidx))""")
                .param("certificate", certificateNo).param("bidx", idBidx)
                .query((rs, n) -> new Lookup(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .optional();
    }

    void exclude(long householdId, LocalDate since, String reason, Long roundId, String actor) {
        jdbc.sql("""
                        insert into rental_waiting_exclusion (household_id, since, reason, round_id, created_by)
                        values (:household, :since, :reason, :round, :actor)""")
                .param("household", householdId).param("since", since).param("reason", reason).param("round", roundId)
                .param("actor", actor).update();
    }

    /**
     * Households waiting at the end of {@code day} in a county: qualified by then, not closed, allocated or struck off.
     * Each household's allocations and leases by its key (V42_2111, V43_2112), each test a subquery the planner cannot
     * turn into a join (offset 0): as anti joins they read the country's allocations and leases whole, by hash or by
     * merge, whatever the county's size (WaitingOnByHouseholdTest). The exclusion is looked up by its key either way.
     */
    int waitingOn(int countyId, LocalDate day) {
        return jdbc.sql("""
                        select count(*) from rental_household h
                         where h.county_id = :county and h.guarantee = 'PUBLIC_RENTAL' and h.qualified_on <= :day
                           and (h.closed_on is null or h.closed_on > :day)
                           and not exists (select 1 from rental_allocation a where a.household_id = h.id
                                             and a.allocated_on <= :day and (a.cancelled_on is null or a.cancelled_on > :day)
                                             offset 0)
                           and not exists (select 1 from rental_waiting_exclusion x where x.household_id = h.id
                                             and x.since <= :day)
                           and not exists (select 1 from rental_lease l where l.household_id = h.id
                                             and l.signed_on <= :day and (l.ended_on is null or l.ended_on > :day) offset 0)""")
                .param("county", countyId).param("day", day).query(Integer.class).single();
    }

    static List<String> groups(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("、"));
    }
}
