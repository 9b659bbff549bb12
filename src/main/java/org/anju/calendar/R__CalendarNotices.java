package org.anju.calendar;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the notices of {@code src/main/resources/calendar/} into {@code calendar_notice} and {@code calendar_day}.
 * Repeatable: Flyway runs it again whenever the files change (its checksum is theirs), so adding next year's notice
 * needs no new migration. The national tables are the files' copy — replaced whole; the local days stay.
 * A Spring bean, so that Spring Boot hands it to Flyway.
 */
@Component
class R__CalendarNotices extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(R__CalendarNotices.class);

    @Override
    public Integer getChecksum() {
        return NoticeSource.checksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<NoticeSource.Loaded> notices = NoticeSource.read();
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("delete from calendar_day");
            st.executeUpdate("delete from calendar_notice");
        }
        int days = 0;
        try (PreparedStatement n = c.prepareStatement("""
                insert into calendar_notice (year, title, document_number, issued_on, official_url, copy_url, text)
                values (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement d = c.prepareStatement("insert into calendar_day (day, notice, kind, holiday) values (?, ?, ?, ?)")) {
            for (NoticeSource.Loaded l : notices) {
                HolidayNotice h = l.notice();
                n.setInt(1, h.year());
                n.setString(2, h.title());
                n.setString(3, h.documentNumber());
                n.setDate(4, Date.valueOf(h.issuedOn()));
                n.setString(5, h.officialUrl());
                n.setString(6, h.copyUrl());
                n.setString(7, h.text());
                n.addBatch();
                for (CalendarDay day : l.days()) {
                    d.setDate(1, Date.valueOf(day.date()));
                    d.setInt(2, day.notice());
                    d.setString(3, day.kind().name());
                    d.setString(4, day.holiday());
                    d.addBatch();
                    days++;
                }
            }
            n.executeBatch();
            d.executeBatch();
        }
        log.info("已载入放假安排 {} 年（{}），日期 {} 个", notices.size(),
                notices.stream().map(l -> String.valueOf(l.notice().year())).toList(), days);
    }
}
