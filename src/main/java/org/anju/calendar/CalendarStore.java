package org.anju.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** SQL for the calendar tables. */
@Repository
class CalendarStore {

    /** A local change as stored. */
    record LocalRow(int regionId, LocalDate day, DayKind kind, String reason, String createdBy,
                    java.time.Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NationalCalendar national() {
        List<HolidayNotice> notices = jdbc.sql("""
                        select year, title, document_number, issued_on, official_url, copy_url, text
                        from calendar_notice order by year""")
                .query((rs, i) -> new HolidayNotice(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        List<CalendarDay> days = jdbc.sql("select day, kind, holiday, notice from calendar_day order by day")
                .query((rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getInt(4)))
                .list();
        return new NationalCalendar(notices, days);
    }

    /** The local changes of these regions. */
    List<LocalRow> localDays(Collection<Integer> regionIds) {
        return jdbc.sql("""
                        select region_id, day, kind, reason, created_by, created_at from calendar_local_day
                        where region_id = any(:ids) order by day, region_id""")
                .param("ids", regionIds.toArray(Integer[]::new))
                .query(CalendarStore::localRow)
                .list();
    }

    /** Every local change in a year. */
    List<LocalRow> localDaysIn(int year) {
        return jdbc.sql("""
                        select region_id, day, kind, reason, created_by, created_at from calendar_local_day
                        where day between :first and :last order by day, region_id""")
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query(CalendarStore::localRow)
                .list();
    }

    /** Adds a change; false when the region already has one for that day. */
    boolean insertLocal(int regionId, LocalDate day, DayKind kind, String reason, String createdBy) {
        return jdbc.sql("""
                        insert into calendar_local_day (region_id, day, kind, reason, created_by)
                        values (:region, :day, :kind, :reason, :by) on conflict do nothing""")
                .param("region", regionId)
                .param("day", day)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("by", createdBy)
                .update() == 1;
    }

    boolean deleteLocal(int regionId, LocalDate day) {
        return jdbc.sql("delete from calendar_local_day where region_id = :region and day = :day")
                .param("region", regionId)
                .param("day", day)
                .update() == 1;
    }

    private static LocalRow localRow(ResultSet rs, int i) throws SQLException {
        return new LocalRow(rs.getInt(1), rs.getObject(2, LocalDate.class), DayKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
