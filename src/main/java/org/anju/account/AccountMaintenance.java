package org.anju.account;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The account module's scheduled clean-up, once per cluster (ShedLock row {@code account-cleanup}): expired sessions
 * (Spring Session's own every-minute clean-up on every node is switched off, {@code spring.session.jdbc.cleanup-cron:
 * "-"}), login-throttle rows that hold nothing any more, and every module's rows kept for a while
 * ({@link org.anju.platform.Expiring}: the keys of requests done once, import outcomes kept to answer a repeat). Cron {@code anju.scheduling.cleanup-cron}, every ten
 * minutes by default; an expired session is refused when read whether or not it was deleted yet.
 */
@Component
@ConditionalOnWebApplication
class AccountMaintenance {

    private static final Logger log = LoggerFactory.getLogger(AccountMaintenance.class);

    private final JdbcIndexedSessionRepository sessions;
    private final LoginThrottle throttle;
    private final java.util.List<org.anju.platform.Expiring> expiring;

    AccountMaintenance(JdbcIndexedSessionRepository sessions, LoginThrottle throttle,
                       java.util.List<org.anju.platform.Expiring> expiring) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.expiring = expiring;
    }

    @Scheduled(cron = "${anju.scheduling.cleanup-cron}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "account-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void cleanUp() {
        sessions.cleanUpExpiredSessions();
        int rows = throttle.cleanUp();
        StringBuilder dropped = new StringBuilder();
        for (org.anju.platform.Expiring e : expiring) {
            try {
                dropped.append("，").append(e.what()).append("删除 ").append(e.dropExpired()).append(" 条");
            } catch (RuntimeException failed) {
                // one module's failure (a lock waited for, a busy database) must not keep the others' rows: next run
                log.warn("定时清理：{}未能删除（下次清理时再试）", e.what(), failed);
            }
        }
        log.debug("定时清理：过期会话已删除，登录限制记录删除 {} 条{}", rows, dropped);
    }
}
