package org.anju.privacy;

import org.anju.account.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The table {@code personal_data_access}: written by {@link PersonalData} only, read for auditors. */
@Repository
class AccessLog {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an access in a transaction of its own: it stays recorded even when the caller's transaction rolls back
     * after the plaintext was handed out, and no plaintext is handed out unless it is recorded (the caller gets it
     * only after this returns).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Actor actor, String action, String subjectType, String subjectId, int subjectRegionId,
                       Collection<PersonalField> fields, String reason, Integer rows) {
        jdbc.sql("""
                        insert into personal_data_access (actor, actor_name, actor_region, via, action, subject_type, subject_id,
                                                          subject_region_id, fields, reason, row_count)
                        values (:actor, :name, :region, :via, :action, :type, :id, :subjectRegion, cast(:fields as text[]), :reason, :rows)""")
                .param("actor", actor.username()).param("name", actor.displayName()).param("region", actor.region().code())
                .param("via", actor.via().name()).param("action", action).param("type", subjectType).param("id", subjectId)
                .param("subjectRegion", subjectRegionId)
                .param("fields", "{" + String.join(",", fields.stream().sorted().map(PersonalField::name).toList()) + "}")
                .param("reason", reason).param("rows", rows)
                .update();
    }

    /** The accesses to data of {@code scope}'s subtree, newest first. */
    List<AccessRecord> list(int scope, Instant from, Instant to, String actor, String subjectType, String subjectId,
                            int limit) {
        return jdbc.sql("""
                        select l.*, r.code as subject_region_code, r.name as subject_region_name
                        from personal_data_access l
                        join region_ancestor a on a.region_id = l.subject_region_id and a.ancestor_id = :scope
                        join region r on r.id = l.subject_region_id
                        where (cast(:from as timestamptz) is null or l.at >= :from)
                          and (cast(:to as timestamptz) is null or l.at < :to)
                          and (cast(:actor as text) is null or l.actor = :actor)
                          and (cast(:type as text) is null or l.subject_type = :type)
                          and (cast(:id as text) is null or l.subject_id = :id)
                        order by l.id desc limit :limit""")
                .param("scope", scope).param("from", from == null ? null : java.sql.Timestamp.from(from))
                .param("to", to == null ? null : java.sql.Timestamp.from(to)).param("actor", actor)
                .param("type", subjectType).param("id", subjectId).param("limit", limit)
                .query((rs, n) -> record(rs)).list();
    }

    private static AccessRecord record(ResultSet rs) throws SQLException {
        Array fields = rs.getArray("fields");
        Integer rows = rs.getObject("row_count") == null ? null : rs.getInt("row_count");
        return new AccessRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("actor_region"), rs.getString("via"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("subject_region_code"),
                rs.getString("subject_region_name"),
                Arrays.stream((String[]) fields.getArray()).map(PersonalField::valueOf).toList(), rs.getString("reason"), rows);
    }
}
