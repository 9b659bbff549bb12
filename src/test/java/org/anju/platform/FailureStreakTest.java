package org.anju.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh failing every 10 s through an outage is said once, with the cause's message and no SQL, and its end once
 * (operator trial, fifteenth session: a WARN with the whole statement at every turn, from two refreshes per node).
 */
class FailureStreakTest {

    @Test
    void aStreakOfFailuresIsSaidOnceAndItsEndOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.anju.test.FailureStreak");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
        FailureStreak streak = new FailureStreak(logger, "区划目录刷新");
        RuntimeException away = new DataAccessResourceFailureException(
                "PreparedStatementCallback; SQL [select md5(string_agg(code, ',')) from region]; failed",
                new SQLTransientConnectionException("anju - Connection is not available, request timed out after 5000ms"));

        streak.worked();
        for (int turn = 0; turn < 6; turn++) {
            streak.failed(away);
        }
        streak.worked();
        streak.worked();

        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(0).getFormattedMessage())
                .isEqualTo("区划目录刷新失败（anju - Connection is not available, request timed out after 5000ms），"
                        + "沿用已载入的内容；恢复时另记一行").doesNotContain("select");
        assertThat(logged.list.get(1).getFormattedMessage()).startsWith("区划目录刷新已恢复（失败约 ");
        streak.failed(away);
        assertThat(logged.list).as("a new streak is said again").hasSize(3);
    }
}
