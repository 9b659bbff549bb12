package org.anju.bulletin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;

/** SQL of {@code bulletin_note}. */
@Repository
class BulletinNoteRepository {

    private final JdbcClient jdbc;

    BulletinNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BulletinNote> find(int regionId, String regionCode, YearMonth period) {
        return jdbc.sql("select next_steps, version, updated_by, updated_at from bulletin_note where region_id = ? and period = ?")
                .params(regionId, period.atDay(1))
                .query((rs, n) -> new BulletinNote(regionCode, period, rs.getString("next_steps"), rs.getInt("version"),
                        rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Inserts at version 1; false when a row exists already (someone saved first). */
    boolean insert(int regionId, YearMonth period, String text, String by) {
        return jdbc.sql("""
                        insert into bulletin_note (region_id, period, next_steps, updated_by) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(regionId, period.atDay(1), text, by).update() == 1;
    }

    /** Replaces the text if the row is still at {@code version}. */
    boolean update(int regionId, YearMonth period, int version, String text, String by) {
        return jdbc.sql("""
                        update bulletin_note set next_steps = ?, version = version + 1, updated_by = ?, updated_at = now()
                        where region_id = ? and period = ? and version = ?""")
                .params(text, by, regionId, period.atDay(1), version).update() == 1;
    }

    boolean delete(int regionId, YearMonth period, int version) {
        return jdbc.sql("delete from bulletin_note where region_id = ? and period = ? and version = ?")
                .params(regionId, period.atDay(1), version).update() == 1;
    }
}
