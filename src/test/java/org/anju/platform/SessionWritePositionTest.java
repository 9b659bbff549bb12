package org.anju.platform;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's write position only grows (review of sessions, finding 7), on the application's own session
 * repository and database: two requests of one session are two copies loaded from the database, each storing the
 * position after its own write. Before, the copy stored last won even with the lower position (stored 250 after
 * 300), and the session's next request could read from a replica that had replayed 250 but not 300.
 */
@AnjuTest
class SessionWritePositionTest {

    private static final String POSITION = ReadReplicaRouting.SESSION_LSN;

    SessionRepository<Session> sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @SuppressWarnings("unchecked")
    void sessions(JdbcIndexedSessionRepository repository) {
        // its session type is not public; the application's filter uses it the same way (SessionWrites)
        this.sessions = (SessionRepository<Session>) (SessionRepository<?>) repository;
    }

    @Test
    void aCopyLoadedBeforeAGreaterPositionDoesNotLowerIt() {
        String id = session(200L);
        Session first = sessions.findById(id);
        Session second = sessions.findById(id);

        first.setAttribute(POSITION, 300L);
        sessions.save(first);
        second.setAttribute(POSITION, 250L); // its copy says 200: 250 is greater there
        sessions.save(second);

        assertThat(stored(id)).isEqualTo(300L);

        Session later = sessions.findById(id);
        later.setAttribute(POSITION, 400L);
        sessions.save(later);
        assertThat(stored(id)).as("a greater position is stored").isEqualTo(400L);
    }

    @Test
    void twoCopiesAddingThePositionAtOnceKeepTheGreaterInEitherOrder() {
        for (List<Long> order : List.of(List.of(300L, 250L), List.of(250L, 300L))) {
            String id = session(null);
            Session first = sessions.findById(id);
            Session second = sessions.findById(id);

            first.setAttribute(POSITION, order.get(0));
            sessions.save(first);
            second.setAttribute(POSITION, order.get(1)); // its copy has none: added again, the conflict updates
            sessions.save(second);

            assertThat(stored(id)).as("stored %s then %s", order.get(0), order.get(1)).isEqualTo(300L);
        }
    }

    @Test
    void otherAttributesStillTakeTheLaterWrite() {
        String id = session(null);
        Session first = sessions.findById(id);
        Session second = sessions.findById(id);

        first.setAttribute("other", 300L);
        first.setAttribute("label", "新");
        sessions.save(first);
        second.setAttribute("other", 250L);
        second.setAttribute("label", "旧");
        sessions.save(second);

        Session read = sessions.findById(id);
        assertThat((Long) read.getAttribute("other")).isEqualTo(250L);
        assertThat((String) read.getAttribute("label")).isEqualTo("旧");
    }

    @Test
    void aStoredPositionThatIsNotANumberIsReplaced() {
        String id = session(null);
        Session first = sessions.findById(id);
        first.setAttribute(POSITION, "不是位置，长度也不同的一段文字"); // what an older or foreign writer might have left
        sessions.save(first);
        Session second = sessions.findById(id);
        second.setAttribute(POSITION, 7L);
        sessions.save(second);

        assertThat(stored(id)).isEqualTo(7L);
    }

    /** What the SQL relies on: stored positions are as long as each other and their bytes order as their values. */
    @Test
    void storedPositionsCompareAsTheirValues() {
        long[] values = {0, 1, 255, 256, 0x7F, 0x80, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x16_B374_D848L, Long.MAX_VALUE >> 1,
                Long.MAX_VALUE - 1};
        byte[][] stored = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            String id = session(values[i]);
            stored[i] = jdbc.sql("select a.attribute_bytes from spring_session_attributes a join spring_session s"
                            + " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = ?")
                    .params(id, POSITION).query(byte[].class).single();
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(stored[i]).hasSameSizeAs(stored[0]);
            for (int j = 0; j < values.length; j++) {
                assertThat(Integer.signum(Arrays.compareUnsigned(stored[i], stored[j])))
                        .as("%d against %d", values[i], values[j])
                        .isEqualTo(Integer.signum(Long.compare(values[i], values[j])));
            }
        }
    }

    private String session(Long position) {
        Session session = sessions.createSession();
        if (position != null) {
            session.setAttribute(POSITION, position);
        }
        sessions.save(session);
        return session.getId();
    }

    private Long stored(String id) {
        return sessions.findById(id).getAttribute(POSITION);
    }
}
