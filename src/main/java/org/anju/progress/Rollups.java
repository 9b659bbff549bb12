package org.anju.progress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units' cumulative figures and their sums for every region above them. A unit's month enters the
 * sums when its report is submitted and leaves them when it is returned: {@link #replace} adds the
 * difference to every ancestor through the closure table in the caller's transaction, so a read is a
 * primary-key scan of a few dozen rows whatever the size of the country. The ancestors' rows are
 * changed as the transaction commits (a deferred trigger, V12_1601), so that the rows every submit
 * shares up to 全国 are locked only inside COMMIT: within the transaction the sums read as before it.
 */
@Service
public class Rollups {

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subtree sum: the value and how many unit figures were added. */
    public record Total(BigDecimal value, int units) {
    }

    /**
     * Makes {@code facts} the unit's figures for the month (an empty list removes them) and moves every
     * ancestor's sums by the difference. Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(int unitRegionId, YearMonth period, List<Fact> facts) {
        Date day = day(period);
        Map<Fact.Key, BigDecimal> old = new HashMap<>();
        jdbc.sql("select indicator_id, source, value from progress_fact where region_id = ? and period = ? for update")
                .params(unitRegionId, day)
                .query(rs -> {
                    old.put(new Fact.Key(rs.getInt(1), rs.getString(2)), rs.getBigDecimal(3));
                });
        Map<Fact.Key, BigDecimal> now = new LinkedHashMap<>();
        for (Fact f : facts) {
            now.merge(f.key(), f.value(), BigDecimal::add);
        }
        List<Fact.Key> keys = new ArrayList<>(old.keySet());
        now.keySet().stream().filter(k -> !old.containsKey(k)).forEach(keys::add);
        // a fixed order of the ancestor rows we lock keeps concurrent submits of siblings deadlock-free
        keys.sort(Comparator.comparingInt(Fact.Key::indicatorId).thenComparing(Fact.Key::source));
        List<Integer> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<BigDecimal> deltas = new ArrayList<>();
        List<Integer> unitDeltas = new ArrayList<>();
        for (Fact.Key k : keys) {
            BigDecimal before = old.get(k);
            BigDecimal after = now.get(k);
            BigDecimal delta = (after == null ? BigDecimal.ZERO : after).subtract(before == null ? BigDecimal.ZERO : before);
            int unitDelta = (after == null ? 0 : 1) - (before == null ? 0 : 1);
            if (delta.signum() != 0 || unitDelta != 0) {
                ids.add(k.indicatorId());
                sources.add(k.source());
                deltas.add(delta);
                unitDeltas.add(unitDelta);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("delete from progress_fact where region_id = ? and period = ?").params(unitRegionId, day).update();
        if (!now.isEmpty()) {
            List<Integer> nIds = new ArrayList<>();
            List<String> nSources = new ArrayList<>();
            List<BigDecimal> nValues = new ArrayList<>();
            now.forEach((k, v) -> {
                nIds.add(k.indicatorId());
                nSources.add(k.source());
                nValues.add(v);
            });
            jdbc.sql("""
                            insert into progress_fact (region_id, period, indicator_id, source, value)
                            select ?, ?, f.i, f.s, f.v from unnest(?::int[], ?::text[], ?::numeric[]) as f(i, s, v)""")
                    .params(unitRegionId, day, nIds.toArray(Integer[]::new), nSources.toArray(String[]::new),
                            nValues.toArray(BigDecimal[]::new))
                    .update();
        }
        changeAtCommit(unitRegionId, day, ids, sources, deltas, unitDeltas, 0);
    }

    /**
     * Records a change of every ancestor's sums ({@code ids}…: per indicator and source) and count of reporting units
     * ({@code reported}: +1, -1 or 0), applied as the transaction commits (V12_1601): their rows up to 全国 are shared by
     * every submit in the country, and are locked only inside COMMIT.
     */
    private void changeAtCommit(int unitRegionId, Date day, List<Integer> ids, List<String> sources,
                                List<BigDecimal> deltas, List<Integer> unitDeltas, int reported) {
        jdbc.sql("""
                        insert into progress_sum_change (unit_id, period, indicator_ids, sources, deltas, unit_deltas, reported)
                        values (?, ?, ?::int[], ?::text[], ?::numeric[], ?::int[], ?)""")
                .params(unitRegionId, day, ids.toArray(Integer[]::new), sources.toArray(String[]::new),
                        deltas.toArray(BigDecimal[]::new), unitDeltas.toArray(Integer[]::new), reported)
                .update();
    }

    /**
     * Whether the unit's month is in the sums (its report submitted, approved or locked) — kept apart from its
     * figures, since a unit that reported nothing for an indicator reported all the same. Every ancestor's count of
     * reporting units moves with it. Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void counted(int unitRegionId, YearMonth period, boolean counted) {
        Date day = day(period);
        int changed = counted
                ? jdbc.sql("insert into progress_reported (region_id, period) values (?, ?) on conflict do nothing")
                        .params(unitRegionId, day).update()
                : jdbc.sql("delete from progress_reported where region_id = ? and period = ?").params(unitRegionId, day).update();
        if (changed == 0) {
            return;
        }
        changeAtCommit(unitRegionId, day, List.of(), List.of(), List.of(), List.of(), counted ? 1 : -1);
    }

    /**
     * Serializes the changes to one unit's figures until the caller's transaction ends: a submit (which reads the
     * unit's projects into the sums) and a change to those projects run one after the other, never interleaved —
     * otherwise a project saved while the month is being submitted could miss the check that keeps the sums equal
     * to the register.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockUnit(int unitRegionId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(UNIT_LOCK, unitRegionId).query(Object.class).list();
    }

    /** The namespace of {@link #lockUnit}'s advisory locks (a second int key keeps them apart from others). */
    private static final int UNIT_LOCK = 0x414e4a55; // "ANJU"

    /** The months of a unit that are in the sums (its report submitted, approved or locked), oldest first. */
    public List<YearMonth> countedPeriods(int unitRegionId) {
        return jdbc.sql("select period from progress_reported where region_id = ? order by period").param(unitRegionId)
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    /** The reporting units of the region's subtree (itself included) that are in the month's sums. */
    public List<Integer> reportedUnits(int regionId, YearMonth period) {
        return jdbc.sql("""
                        select r.region_id from progress_reported r
                        join region_ancestor a on a.region_id = r.region_id
                        where a.ancestor_id = ? and r.period = ? order by r.region_id""")
                .params(regionId, day(period)).query(Integer.class).list();
    }

    /**
     * Which of these reporting units have the month in the sums. The caller lists a region's units from the region
     * tree it holds in memory: a join through {@code region_ancestor} would visit every town and community below a
     * province or the country (45,000 rows for the nation) to find its 2,850 units — 300 ms against a few here.
     * Many units (the nation's, a large province's) are read as the month's whole range of the index by period
     * ({@link #MANY}) and kept if listed: one range of a few pages instead of a descent per unit.
     */
    public java.util.Set<Integer> reportedAmong(java.util.Collection<Integer> unitIds, YearMonth period) {
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        if (unitIds.isEmpty()) {
            return reported;
        }
        if (unitIds.size() > MANY) {
            java.util.Set<Integer> wanted = unitIds instanceof java.util.Set<Integer> set ? set : new java.util.HashSet<>(unitIds);
            jdbc.sql("select region_id from progress_reported where period = ?")
                    .params(day(period))
                    .query(rs -> {
                        int id = rs.getInt(1);
                        if (wanted.contains(id)) {
                            reported.add(id);
                        }
                    });
            return reported;
        }
        jdbc.sql("select region_id from progress_reported where period = ? and region_id = any(?::int[])")
                .params(day(period), unitIds.toArray(Integer[]::new))
                .query(rs -> {
                    reported.add(rs.getInt(1));
                });
        return reported;
    }

    /**
     * Above this many regions a month's figures are read as the month's range of an index by period (migration
     * V12_1511) and filtered here, not looked up one region at a time: the nation has 2,850 units and 3,200 regions
     * with a count, one month of them is a few dozen index pages, a look-up per region touches a page each.
     */
    static final int MANY = 200;

    /** How many reporting units of the region's subtree are in the month's sums. */
    public int reported(int regionId, YearMonth period) {
        return jdbc.sql("select reported from progress_reporting where region_id = ? and period = ?")
                .params(regionId, day(period)).query(Integer.class).optional().orElse(0);
    }

    /** The same for several regions at once; a region no unit of which reported is absent. */
    public Map<Integer, Integer> reported(List<Integer> regionIds, YearMonth period) {
        Map<Integer, Integer> reported = new HashMap<>();
        if (regionIds.isEmpty()) {
            return reported;
        }
        if (regionIds.size() > MANY) {
            java.util.Set<Integer> wanted = new java.util.HashSet<>(regionIds);
            jdbc.sql("select region_id, reported from progress_reporting where period = ? and reported > 0")
                    .params(day(period))
                    .query(rs -> {
                        int id = rs.getInt(1);
                        if (wanted.contains(id)) {
                            reported.put(id, rs.getInt(2));
                        }
                    });
            return reported;
        }
        jdbc.sql("select region_id, reported from progress_reporting where region_id = any(?::int[]) and period = ? and reported > 0")
                .params(regionIds.toArray(Integer[]::new), day(period))
                .query(rs -> {
                    reported.put(rs.getInt(1), rs.getInt(2));
                });
        return reported;
    }

    /**
     * Subtree sums of a region for a month, per indicator and source. A row no unit's figure is in any more (its units
     * returned their reports) is deleted as that commits (V12_2442): a typed item nobody filled in reads as none (未填),
     * not as a sum of 0.
     */
    public Map<Fact.Key, Total> totals(int regionId, YearMonth period) {
        Map<Fact.Key, Total> totals = new HashMap<>();
        jdbc.sql("select indicator_id, source, value, units from progress_rollup where region_id = ? and period = ?")
                .params(regionId, day(period))
                .query(rs -> {
                    totals.put(new Fact.Key(rs.getInt(1), rs.getString(2)), new Total(rs.getBigDecimal(3), rs.getInt(4)));
                });
        return totals;
    }

    /** Subtree sums of one indicator (all sources added) for several regions at once. */
    public Map<Integer, BigDecimal> totals(List<Integer> regionIds, YearMonth period, int indicatorId) {
        Map<Integer, BigDecimal> totals = new HashMap<>();
        if (regionIds.isEmpty()) {
            return totals;
        }
        if (regionIds.size() > MANY) {
            java.util.Set<Integer> wanted = new java.util.HashSet<>(regionIds);
            jdbc.sql("""
                            select region_id, sum(value) from progress_rollup
                            where period = ? and indicator_id = ?
                            group by region_id""")
                    .params(day(period), indicatorId)
                    .query(rs -> {
                        int id = rs.getInt(1);
                        if (wanted.contains(id)) {
                            totals.put(id, rs.getBigDecimal(2));
                        }
                    });
            return totals;
        }
        jdbc.sql("""
                        select region_id, sum(value) from progress_rollup
                        where region_id = any(?::int[]) and period = ? and indicator_id = ?
                        group by region_id""")
                .params(regionIds.toArray(Integer[]::new), day(period), indicatorId)
                .query(rs -> {
                    totals.put(rs.getInt(1), rs.getBigDecimal(2));
                });
        return totals;
    }

    /**
     * Subtree sums of several regions for a month, per region, indicator and source, in one query: the batched form of
     * {@link #totals(int, YearMonth)} (a node's children on the dashboard and the map). A region with no sums is absent.
     */
    public Map<Integer, Map<Fact.Key, Total>> totals(List<Integer> regionIds, YearMonth period) {
        Map<Integer, Map<Fact.Key, Total>> totals = new HashMap<>();
        if (regionIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        select region_id, indicator_id, source, value, units from progress_rollup
                        where region_id = any(?::int[]) and period = ?""")
                .params(regionIds.toArray(Integer[]::new), day(period))
                .query(rs -> {
                    totals.computeIfAbsent(rs.getInt(1), x -> new HashMap<>())
                            .put(new Fact.Key(rs.getInt(2), rs.getString(3)), new Total(rs.getBigDecimal(4), rs.getInt(5)));
                });
        return totals;
    }

    /**
     * How many unit figures the sums of these regions hold for the indicator — of its sources, the most (a fund item
     * is summed per source): as many as the region's reporting units means each filled it in. A region without is absent.
     */
    public Map<Integer, Integer> figures(List<Integer> regionIds, YearMonth period, int indicatorId) {
        Map<Integer, Integer> figures = new HashMap<>();
        if (regionIds.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                        select region_id, max(units) from progress_rollup
                        where region_id = any(?::int[]) and period = ? and indicator_id = ?
                        group by region_id""")
                .params(regionIds.toArray(Integer[]::new), day(period), indicatorId)
                .query(rs -> {
                    figures.put(rs.getInt(1), rs.getInt(2));
                });
        return figures;
    }

    /**
     * Which of these reporting units have a figure of the indicator for the month, from any source (a fund item is
     * summed per source, so the sums' counts do not say how many units filled it in at all). Asked only when a sum
     * counts fewer figures than units reported (a summary's, or a ranked region's: {@link #figures}). Many units are
     * read as the month's range of the index by period and indicator (V10_2441), as {@link #reportedAmong} does.
     */
    public java.util.Set<Integer> filledAmong(java.util.Collection<Integer> unitIds, YearMonth period, int indicatorId) {
        java.util.Set<Integer> filled = new java.util.HashSet<>();
        if (unitIds.isEmpty()) {
            return filled;
        }
        if (unitIds.size() > MANY) {
            java.util.Set<Integer> wanted = new java.util.HashSet<>(unitIds);
            jdbc.sql("select distinct region_id from progress_fact where period = ? and indicator_id = ?")
                    .params(day(period), indicatorId)
                    .query(rs -> {
                        int id = rs.getInt(1);
                        if (wanted.contains(id)) {
                            filled.add(id);
                        }
                    });
            return filled;
        }
        jdbc.sql("select distinct region_id from progress_fact where region_id = any(?::int[]) and period = ? and indicator_id = ?")
                .params(unitIds.toArray(Integer[]::new), day(period), indicatorId)
                .query(rs -> {
                    filled.add(rs.getInt(1));
                });
        return filled;
    }

    /** The unit's own figures as last submitted. */
    public List<Fact> facts(int unitRegionId, YearMonth period) {
        return jdbc.sql("select indicator_id, source, value from progress_fact where region_id = ? and period = ?")
                .params(unitRegionId, day(period))
                .query((rs, n) -> new Fact(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    /** Months that have any figure for the region's subtree, oldest first. */
    /**
     * The latest month, up to {@code notAfter}, in which units of the region's subtree reported (submitted, approved or
     * locked reports: {@code progress_reporting}); empty when none ever did.
     */
    public java.util.Optional<YearMonth> latestReported(int regionId, YearMonth notAfter) {
        return jdbc.sql("select max(period) from progress_reporting where region_id = ? and reported > 0 and period <= ?")
                .params(regionId, java.sql.Date.valueOf(notAfter.atDay(1)))
                .query((rs, n) -> rs.getDate(1) == null ? null : YearMonth.from(rs.getDate(1).toLocalDate()))
                .optional();
    }

    public List<YearMonth> periods(int regionId) {
        return jdbc.sql("select distinct period from progress_rollup where region_id = ? order by period")
                .param(regionId)
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    /**
     * Recomputes every sum from the units' figures (after a bulk load, or to repair): one statement
     * over the closure table.
     */
    @Transactional
    public int rebuild() {
        jdbc.sql("truncate progress_rollup, progress_reporting").update();
        jdbc.sql("""
                        insert into progress_reporting (region_id, period, reported)
                        select a.ancestor_id, r.period, count(*)
                        from progress_reported r join region_ancestor a on a.region_id = r.region_id
                        group by a.ancestor_id, r.period""").update();
        return jdbc.sql("""
                        insert into progress_rollup (region_id, period, indicator_id, source, value, units)
                        select a.ancestor_id, f.period, f.indicator_id, f.source, sum(f.value), count(*)
                        from progress_fact f
                        join region_ancestor a on a.region_id = f.region_id
                        group by a.ancestor_id, f.period, f.indicator_id, f.source""")
                .update();
    }

    static Date day(YearMonth period) {
        return Date.valueOf(period.atDay(1));
    }
}
