package org.anju.report;

import org.anju.indicator.Indicators;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class ReportRepository {

    /** The report row without its values. */
    record Head(long id, int regionId, YearMonth period, ReportStatus status, int version, LocalDate deadline,
                OffsetDateTime submittedAt, String submittedBy, OffsetDateTime reviewedAt, String reviewedBy,
                String returnReason) {
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final org.anju.account.LastChange lastChange;

    ReportRepository(JdbcClient jdbc, Indicators indicators, org.anju.account.LastChange lastChange) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.lastChange = lastChange;
    }

    Optional<Head> head(int regionId, YearMonth period, boolean forUpdate) {
        // the month as a row range, which only the unique key's index can serve: with the statistics the autovacuum
        // leaves after the reports were emptied (reltuples 0) the planner priced report_period_idx (period, status) the
        // same for "period = ?" and read the month's every report — units² for an import (ReportsWithoutStatisticsTest).
        // "region_id = ?" beside it keeps the estimate near one row with honest statistics (a row range alone is
        // estimated by its first column: a quarter of the table, a bitmap scan on the national dataset)
        return jdbc.sql("select * from report where region_id = ? and (region_id, period) >= (?, ?)"
                        + " and (region_id, period) <= (?, ?)" + (forUpdate ? " for update" : ""))
                .params(regionId, regionId, day(period), regionId, day(period)).query((rs, n) -> head(rs)).optional();
    }

    /** Which of {@code unitIds} have a counted report of the month: each read by the unique key, as {@link #head} is. */
    java.util.Set<Integer> counted(java.util.Collection<Integer> unitIds, YearMonth period) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select u.id from unnest(?) u(id)
                        cross join lateral (select r.status from report r where r.region_id = u.id
                                              and (r.region_id, r.period) >= (u.id, ?) and (r.region_id, r.period) <= (u.id, ?)
                                            offset 0) r
                        where r.status in ('SUBMITTED', 'APPROVED', 'LOCKED')""")
                .params(unitIds.toArray(Integer[]::new), day(period), day(period)).query(Integer.class).list());
    }

    Optional<Head> head(long id) {
        return jdbc.sql("select * from report where id = ?").param(id).query((rs, n) -> head(rs)).optional();
    }

    /** Creates the row; a concurrent creation of the same month loses on the unique key. */
    long create(int regionId, YearMonth period, LocalDate deadline, String actor) {
        return jdbc.sql("""
                        insert into report (region_id, period, status, deadline, updated_by)
                        values (?, ?, 'DRAFT', ?, ?) on conflict (region_id, period) do nothing returning id""")
                .params(regionId, day(period), deadline, actor).query(Long.class).optional()
                .orElseThrow(() -> createdMeanwhile(regionId, period));
    }

    /**
     * The month's row another transaction made first (its insert waited for it: committed, and read committed sees it):
     * who made it, or changed it since, and when — the user's own other click said as such, not 有人 or 他人.
     */
    private org.anju.platform.ConcurrentUpdateException createdMeanwhile(int regionId, YearMonth period) {
        String done = head(regionId, period, false).map(h -> lastChange.of("report", h.id())).orElse("被新建");
        return new org.anju.platform.ConcurrentUpdateException("该月报表已" + done + "（同一月份只有一份月报），请刷新后重试（本次未保存任何内容）");
    }

    /** Moves the version on when it is the one read; false otherwise. */
    boolean bump(long id, int version, ReportStatus status, String actor) {
        return jdbc.sql("""
                        update report set version = version + 1, status = ?, updated_at = now(), updated_by = ?
                        where id = ? and version = ?""")
                .params(status.name(), actor, id, version).update() == 1;
    }

    void submitted(long id, String actor) {
        jdbc.sql("""
                        update report set submitted_at = coalesce(submitted_at, now()), submitted_by = ?,
                                          return_reason = null where id = ?""")
                .params(actor, id).update();
    }

    /** Sets when a report loaded from the past was submitted and reviewed, on the report and its events. */
    void stamp(long id, java.time.OffsetDateTime submittedAt, java.time.OffsetDateTime reviewedAt) {
        jdbc.sql("update report set submitted_at = ?, reviewed_at = ?, updated_at = ? where id = ?")
                .params(submittedAt, reviewedAt, reviewedAt, id).update();
        jdbc.sql("""
                        update report_event set at = case when action = 'SUBMIT' then ? else ? end
                        where report_id = ? and action in ('SUBMIT', 'APPROVE')""")
                .params(submittedAt, reviewedAt, id).update();
    }

    void reviewed(long id, String actor, String reason) {
        jdbc.sql("update report set reviewed_at = now(), reviewed_by = ?, return_reason = ? where id = ?")
                .params(actor, reason, id).update();
    }

    /**
     * Makes {@code values} the report's figures. Only what differs is written — a changed figure is an UPDATE of
     * its own row — so the audit trail shows each figure's history as old → new, not as delete and insert.
     */
    void replaceValues(long id, List<ReportValue> values) {
        Integer[] ids = values.stream().map(v -> indicators.byCode(v.indicatorCode()).orElseThrow().id()).toArray(Integer[]::new);
        String[] sources = values.stream().map(ReportValue::source).toArray(String[]::new);
        BigDecimal[] numbers = values.stream().map(ReportValue::value).toArray(BigDecimal[]::new);
        jdbc.sql("""
                        delete from report_value v where v.report_id = ?
                          and not exists (select from unnest(?::int[], ?::text[]) n(i, s)
                                          where n.i = v.indicator_id and n.s = v.source)""")
                .params(id, ids, sources).update();
        jdbc.sql("""
                        update report_value v set value = n.v
                        from unnest(?::int[], ?::text[], ?::numeric[]) n(i, s, v)
                        where v.report_id = ? and v.indicator_id = n.i and v.source = n.s and v.value <> n.v""")
                .params(ids, sources, numbers, id).update();
        jdbc.sql("""
                        insert into report_value (report_id, indicator_id, source, value)
                        select ?, n.i, n.s, n.v from unnest(?::int[], ?::text[], ?::numeric[]) n(i, s, v)
                        on conflict (report_id, indicator_id, source) do nothing""")
                .params(id, ids, sources, numbers).update();
    }

    List<ReportValue> values(long id) {
        return jdbc.sql("select indicator_id, source, value from report_value where report_id = ? order by indicator_id, source")
                .param(id)
                .query((rs, n) -> new ReportValue(indicators.byId(rs.getInt(1)).code(), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    void replaceFlags(long id, List<ReportFlag> flags) {
        jdbc.sql("delete from report_flag where report_id = ?").param(id).update();
        for (ReportFlag f : flags) {
            jdbc.sql("insert into report_flag (report_id, indicator_id, source, message) values (?, ?, ?, ?)")
                    .params(id, indicators.byCode(f.indicatorCode()).orElseThrow().id(), f.source(), f.message()).update();
        }
    }

    List<String> flags(long id) {
        return jdbc.sql("select message from report_flag where report_id = ? order by indicator_id, source")
                .param(id).query(String.class).list();
    }

    void event(long id, String action, ReportStatus from, ReportStatus to, String actor, String channel, String reason) {
        jdbc.sql("""
                        insert into report_event (report_id, action, from_status, to_status, actor, channel, reason)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, action, from == null ? null : from.name(), to.name(), actor, channel, reason).update();
    }

    List<ReportEvent> events(long id) {
        return jdbc.sql("select * from report_event where report_id = ? order by id").param(id)
                .query((rs, n) -> new ReportEvent(rs.getString("action"),
                        rs.getString("from_status") == null ? null : ReportStatus.valueOf(rs.getString("from_status")),
                        ReportStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("channel"),
                        rs.getString("reason"), rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    /** Reports of a subtree for a month. */
    List<Head> heads(int scopeRegionId, YearMonth period) {
        return jdbc.sql("""
                        select r.* from report r
                        join region_ancestor a on a.region_id = r.region_id and a.ancestor_id = ?
                        where r.period = ?""")
                .params(scopeRegionId, day(period)).query((rs, n) -> head(rs)).list();
    }

    /** A page of a list read in SQL (see {@link org.anju.platform.PagedQuery}). */
    <T> org.anju.platform.Page<T> page(org.anju.platform.PageRequest request, String countSql, String rowsSql,
                                       Map<String, ?> params, org.springframework.jdbc.core.RowMapper<T> rows) {
        return org.anju.platform.PagedQuery.fetch(jdbc, request, countSql, rowsSql, params, rows);
    }

    /** Submitted reports (any month) of the units directly below a region, oldest month first: an approval inbox. */
    List<Head> submittedBelow(int parentRegionId) {
        // each unit's submitted reports by report_submitted, in a lateral subquery the planner cannot merge: the unique
        // key read every report of each unit (its whole history), and with the statistics the autovacuum leaves after the
        // table was emptied a plain join read the country's submitted reports (SubmittedBelowByStatusTest)
        return jdbc.sql("""
                        select r.* from (select g.id from region g where g.parent_id = ? and g.kind <> 'GROUP') g
                        cross join lateral (select * from report r where r.region_id = g.id and r.status = 'SUBMITTED'
                                            offset 0) r
                        order by r.period, r.submitted_at""")
                .param(parentRegionId).query((rs, n) -> head(rs)).list();
    }

    /** The value of the same unit's previous report of the same year, per indicator and source. */
    List<ReportValue> previousValues(int regionId, YearMonth period) {
        if (period.getMonthValue() == 1) {
            return List.of();
        }
        // the report by its key — the months as a row range only the unique key's index serves, read backwards (and
        // "region_id = ?" for the estimate, as in head) — then its values by theirs, in an init plan, never a join: with
        // the statistics the autovacuum leaves after the reports were emptied (reltuples 0) the join read every stored
        // value once per unit saved, and "period < ?" the year's every report (ReportsWithoutStatisticsTest)
        return jdbc.sql("""
                        select v.indicator_id, v.source, v.value from report_value v
                        where v.report_id = (select r.id from report r
                                             where r.region_id = ? and (r.region_id, r.period) >= (?, ?)
                                               and (r.region_id, r.period) < (?, ?)
                                             order by r.region_id desc, r.period desc limit 1)""")
                .params(regionId, regionId, Date.valueOf(LocalDate.of(period.getYear(), 1, 1)), regionId, day(period))
                .query((rs, n) -> new ReportValue(indicators.byId(rs.getInt(1)).code(), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), rs.getInt("region_id"), YearMonth.from(rs.getDate("period").toLocalDate()),
                ReportStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getDate("deadline").toLocalDate(),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("reviewed_by"),
                rs.getString("return_reason"));
    }

    static Date day(YearMonth period) {
        return Date.valueOf(period.atDay(1));
    }

    static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
