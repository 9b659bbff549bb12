package org.anju.rental.allocation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The SQL of allocation rounds and allocations; no access checks here. */
@Repository
class RoundRepository {

    record RoundRow(long id, int countyId, int cityId, String name, String rules, String method, Integer refusalsAllowed,
                    String onExcess, String status, String candidatesHash, String candidateGroup, Instant publishedAt,
                    String seedSource, LocalDate seedDue, String seed, String resultHash, Instant drawnAt, int version,
                    String createdBy) {
    }

    record CandidateRow(long householdId, String number, int listPosition, Integer position, String state, int refusals,
                        String name, String idNumber) {
    }

    record EventRow(int seq, Long householdId, String number, String kind, String what, LocalDate onDay, String byUser) {
    }

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRound(int countyId, int cityId, String name, String rules, String method, Integer refusalsAllowed,
                     String onExcess, String status, String candidatesHash, String group, String seedSource,
                     LocalDate seedDue, String actor) {
        return jdbc.sql("""
                        insert into rental_round (county_id, city_id, name, rules, method, refusals_allowed, on_excess, status,
                            candidates_hash, candidate_group, seed_source, seed_due, created_by)
                        values (:county, :city, :name, :rules, :method, :refusals, :excess, :status, :hash, :group, :source,
                            :due, :actor) returning id""")
                .param("county", countyId).param("city", cityId).param("name", name).param("rules", rules)
                .param("method", method).param("refusals", refusalsAllowed).param("excess", onExcess)
                .param("status", status).param("hash", candidatesHash).param("group", group).param("source", seedSource)
                .param("due", seedDue).param("actor", actor).query(Long.class).single();
    }

    /** The round's dwellings in one statement (a round offers up to 10,000). */
    void addDwellings(long roundId, List<Long> dwellingIds) {
        jdbc.sql("insert into rental_round_dwelling (round_id, dwelling_id) select :round, unnest(cast(:dwellings as bigint[]))")
                .param("round", roundId).param("dwellings", dwellingIds.toArray(Long[]::new)).update();
    }

    /** A candidate to add: household, 申请编号, place on the waiting list. */
    record NewCandidate(long householdId, String number, int listPosition) {
    }

    /** The frozen candidate list in one statement (tens of thousands of rows; one audit entry for the round). */
    void addCandidates(long roundId, List<NewCandidate> candidates) {
        jdbc.sql("""
                        insert into rental_round_candidate (round_id, household_id, number, list_position)
                        select :round, c.household, c.number, c.list
                          from unnest(cast(:households as bigint[]), cast(:numbers as text[]), cast(:lists as int[]))
                               as c(household, number, list)""")
                .param("round", roundId)
                .param("households", candidates.stream().map(NewCandidate::householdId).toArray(Long[]::new))
                .param("numbers", candidates.stream().map(NewCandidate::number).toArray(String[]::new))
                .param("lists", candidates.stream().map(NewCandidate::listPosition).toArray(Integer[]::new))
                .update();
    }

    /** A candidate's place in the round's order. */
    record Placement(long householdId, int position, String state, int refusals) {
    }

    /** Sets many candidates' places in one statement (a round's start places every candidate). */
    void places(long roundId, List<Placement> places) {
        if (places.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update rental_round_candidate c set position = p.position, state = p.state, refusals = p.refusals
                          from unnest(cast(:households as bigint[]), cast(:positions as int[]), cast(:states as text[]),
                                      cast(:refusals as int[])) as p(household, position, state, refusals)
                         where c.round_id = :round and c.household_id = p.household""")
                .param("round", roundId)
                .param("households", places.stream().map(Placement::householdId).toArray(Long[]::new))
                .param("positions", places.stream().map(Placement::position).toArray(Integer[]::new))
                .param("states", places.stream().map(Placement::state).toArray(String[]::new))
                .param("refusals", places.stream().map(Placement::refusals).toArray(Integer[]::new))
                .update();
    }

    /** An event to record: the household it concerns (null: the round's) and what happened. */
    record NewEvent(Long householdId, String kind, String what) {
    }

    /** Records events in the given order, numbered after the round's last, in one statement. */
    void events(long roundId, List<NewEvent> events, LocalDate on, String actor) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into rental_round_event (round_id, seq, household_id, kind, what, on_day, by_user)
                        select :round, (select coalesce(max(seq), 0) from rental_round_event where round_id = :round) + e.n,
                               e.household, e.kind, e.what, :on, :actor
                          from unnest(cast(:households as bigint[]), cast(:kinds as text[]), cast(:whats as text[]))
                               with ordinality as e(household, kind, what, n)
                         order by e.n""")
                .param("round", roundId)
                .param("households", events.stream().map(NewEvent::householdId).toArray(Long[]::new))
                .param("kinds", events.stream().map(NewEvent::kind).toArray(String[]::new))
                .param("whats", events.stream().map(NewEvent::what).toArray(String[]::new))
                .param("on", on).param("actor", actor).update();
    }

    void place(long roundId, long householdId, int position, String state, int refusals) {
        jdbc.sql("""
                        update rental_round_candidate set position = :position, state = :state, refusals = :refusals
                         where round_id = :round and household_id = :household""")
                .param("position", position).param("state", state).param("refusals", refusals).param("round", roundId)
                .param("household", householdId).update();
    }

    void event(long roundId, Long householdId, String kind, String what, LocalDate on, String actor) {
        jdbc.sql("""
                        insert into rental_round_event (round_id, seq, household_id, kind, what, on_day, by_user)
                        values (:round, (select coalesce(max(seq), 0) + 1 from rental_round_event where round_id = :round),
                                :household, :kind, :what, :on, :actor)""")
                .param("round", roundId).param("household", householdId).param("kind", kind).param("what", what)
                .param("on", on).param("actor", actor).update();
    }

    void drawn(long roundId, String seed, String resultHash, String status) {
        jdbc.sql("""
                        update rental_round set seed = :seed, result_hash = :hash, drawn_at = now(), status = :status,
                            version = version + 1 where id = :id""")
                .param("seed", seed).param("hash", resultHash).param("status", status).param("id", roundId).update();
    }

    void status(long roundId, String status) {
        jdbc.sql("update rental_round set status = :status, version = version + 1 where id = :id")
                .param("status", status).param("id", roundId).update();
    }

    private static final String ROUND = """
            select id, county_id, city_id, name, rules, method, refusals_allowed, on_excess, status, candidates_hash,
                   candidate_group, published_at, seed_source, seed_due, seed, result_hash, drawn_at, version, created_by
              from rental_round""";

    Optional<RoundRow> round(long id, boolean lock) {
        return jdbc.sql(ROUND + " where id = :id" + (lock ? " for update" : "")).param("id", id)
                .query(RoundRepository::round).optional();
    }

    List<RoundRow> rounds(List<Integer> countyIds, boolean publishedOnly) {
        return jdbc.sql(ROUND + " where county_id = any(:counties) order by id desc limit 500")
                .param("counties", countyIds.toArray(Integer[]::new)).query(RoundRepository::round).list();
    }

    private static RoundRow round(ResultSet rs, int n) throws SQLException {
        return new RoundRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                instant(rs, 12), rs.getString(13), rs.getObject(14, LocalDate.class), rs.getString(15), rs.getString(16),
                instant(rs, 17), rs.getInt(18), rs.getString(19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    List<Long> dwellings(long roundId) {
        return jdbc.sql("select dwelling_id from (select dwelling_id from rental_round_dwelling where round_id = :round offset 0) d"
                        + " order by dwelling_id")
                .param("round", roundId).query(Long.class).list();
    }

    /**
     * Serialises the opening of a county's rounds until the caller's transaction ends: the check that no dwelling (and no
     * household) is in another open round and the insert of the new round run one opening at a time, so two 开始批次 sent
     * at once (a double-click, a second official) cannot both pass it (double-submit trial, defect 4). Its own key
     * (40045), apart from the leases' county lock (40043), so a round's opening never waits for a billing run.
     */
    void lockCounty(int countyId) {
        jdbc.sql("select pg_advisory_xact_lock(40045, :county)").param("county", countyId).query().singleRow();
    }

    /** A dwelling of the list in a round that is not closed, and that round: its name, when and by whom it was opened. */
    record Busy(long dwellingId, long roundId, String roundName, Instant openedAt, String openedBy) {
    }

    /** Dwellings of the list already in a round that is not closed, with the round each is in. */
    List<Busy> dwellingsInOpenRounds(List<Long> dwellingIds) {
        return jdbc.sql("""
                        select x.id, r.id, r.name, r.published_at, r.created_by from unnest(cast(:ids as bigint[])) x(id)
                         cross join lateral (select d.round_id from rental_round_dwelling d where d.dwelling_id = x.id
                                             offset 0) d
                         cross join lateral (select r.id, r.name, r.status, r.published_at, r.created_by from rental_round r
                                             where r.id = d.round_id offset 0) r
                         where r.status <> 'CLOSED'""")
                .param("ids", dwellingIds.toArray(Long[]::new))
                .query((rs, n) -> new Busy(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), rs.getString(5)))
                .list();
    }

    List<CandidateRow> candidates(long roundId) {
        return jdbc.sql("""
                        select c.household_id, c.number, c.list_position, c.position, c.state, c.refusals,
                               h.applicant_name_masked, h.applicant_id_masked
                          from (select * from rental_round_candidate where round_id = :round offset 0) c
                          cross join lateral (select h.applicant_name_masked, h.applicant_id_masked from rental_household h
                                              where h.id = c.household_id offset 0) h
                         order by coalesce(c.position, c.list_position), c.number""")
                .param("round", roundId)
                .query((rs, n) -> new CandidateRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    int candidateCount(long roundId) {
        return jdbc.sql("select count(*) from rental_round_candidate where round_id = :round").param("round", roundId)
                .query(Integer.class).single();
    }

    /** The candidates without their masked names and ID numbers (null): what the draw and the steps compute with. */
    List<CandidateRow> standings(long roundId) {
        return jdbc.sql("""
                        select c.household_id, c.number, c.list_position, c.position, c.state, c.refusals
                          from rental_round_candidate c
                         where c.round_id = :round order by coalesce(c.position, c.list_position), c.number""")
                .param("round", roundId)
                .query((rs, n) -> new CandidateRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getInt(6), null, null))
                .list();
    }

    List<EventRow> events(long roundId) {
        return jdbc.sql("""
                        select e.seq, e.household_id, c.number, e.kind, e.what, e.on_day, e.by_user
                          from rental_round_event e
                          left join lateral (select c.number from rental_round_candidate c
                                             where c.round_id = e.round_id and c.household_id = e.household_id offset 0) c on true
                         where e.round_id = :round order by e.seq""")
                .param("round", roundId)
                .query((rs, n) -> new EventRow(rs.getInt(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /** Refusals a household made in other rounds (counted against the city's limit when it costs the qualification). */
    int refusalsElsewhere(long householdId, long roundId) {
        return jdbc.sql("""
                        select coalesce(sum(refusals), 0) from rental_round_candidate
                         where household_id = :household and round_id <> :round""")
                .param("household", householdId).param("round", roundId).query(Integer.class).single();
    }

    long insertAllocation(long householdId, long dwellingId, long roundId, int countyId, LocalDate on, String actor) {
        return jdbc.sql("""
                        insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, created_by)
                        values (:household, :dwelling, :round, :county, :on, :actor) returning id""")
                .param("household", householdId).param("dwelling", dwellingId).param("round", roundId)
                .param("county", countyId).param("on", on).param("actor", actor).query(Long.class).single();
    }

    /** @param createdAt when it was registered (a repeat is told the moment of the first) */
    record AllocationRow(long id, long householdId, long dwellingId, long roundId, String roundName, int countyId,
                         LocalDate allocatedOn, String number, Instant createdAt) {
    }

    // %s: which allocations, inside their own subquery; the round's candidate by key (ARCHITECTURE.md, plans that do
    // not depend on the statistics; RoundsByIdWithoutStatisticsTest)
    private static final String ALLOCATION = """
            select a.id, a.household_id, a.dwelling_id, a.round_id, r.name, a.county_id, a.allocated_on, c.number,
                   a.created_at
              from (select * from rental_allocation where %s offset 0) a
              cross join lateral (select r.name from rental_round r where r.id = a.round_id offset 0) r
              cross join lateral (select c.number from rental_round_candidate c
                                  where c.round_id = a.round_id and c.household_id = a.household_id offset 0) c""";

    private static AllocationRow allocation(ResultSet rs, int n) throws SQLException {
        return new AllocationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), instant(rs, 9));
    }

    Optional<AllocationRow> currentAllocation(long householdId) {
        return jdbc.sql(ALLOCATION.formatted("household_id = :household and cancelled_on is null"))
                .param("household", householdId).query(RoundRepository::allocation).optional();
    }

    int endAllocation(long dwellingId, java.time.LocalDate on) {
        return jdbc.sql("update rental_allocation set cancelled_on = greatest(:on, allocated_on) where dwelling_id = :dwelling"
                        + " and cancelled_on is null").param("on", on).param("dwelling", dwellingId).update();
    }

    Optional<AllocationRow> currentAllocationOfDwelling(long dwellingId) {
        return jdbc.sql(ALLOCATION.formatted("dwelling_id = :dwelling and cancelled_on is null"))
                .param("dwelling", dwellingId).query(RoundRepository::allocation).optional();
    }

    List<AllocationRow> allocations(long roundId) {
        return jdbc.sql(ALLOCATION.formatted("round_id = :round") + " order by a.id").param("round", roundId)
                .query(RoundRepository::allocation).list();
    }

    record OfferRow(long id, String label, String layout, java.math.BigDecimal floorArea, String status) {
    }

    /** The round's dwellings as the notice shows them (no access check: a published round's dwellings are public). */
    List<OfferRow> offers(long roundId) {
        return jdbc.sql("""
                        select d.id, e.name, b.name, d.entrance, d.room_no, d.layout, d.floor_area, d.status
                          from (select dwelling_id from rental_round_dwelling where round_id = :round offset 0) rd
                          cross join lateral (select d.* from rental_dwelling d where d.id = rd.dwelling_id offset 0) d
                          cross join lateral (select b.name, b.estate_id from rental_building b where b.id = d.building_id
                                              offset 0) b
                          cross join lateral (select e.name from rental_estate e where e.id = b.estate_id offset 0) e
                         order by e.name, b.name, d.entrance, d.room_no""")
                .param("round", roundId)
                .query((rs, n) -> new OfferRow(rs.getLong(1), org.anju.rental.stock.StockKeys.label(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6), rs.getBigDecimal(7),
                        org.anju.rental.stock.StockStatus.valueOf(rs.getString(8)).label()))
                .list();
    }

    Optional<Integer> householdRegion(long householdId) {
        return jdbc.sql("select region_id from rental_household where id = :id").param("id", householdId)
                .query(Integer.class).optional();
    }

    int allocatedIn(int countyId, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select count(*) from rental_allocation
                         where county_id = :county and allocated_on between :first and :last""")
                .param("county", countyId).param("first", first).param("last", last).query(Integer.class).single();
    }

    int refusalsIn(int countyId, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select count(*) from rental_round_event e join rental_round r on r.id = e.round_id
                         where r.county_id = :county and e.kind = 'REFUSED' and e.on_day between :first and :last""")
                .param("county", countyId).param("first", first).param("last", last).query(Integer.class).single();
    }
}
