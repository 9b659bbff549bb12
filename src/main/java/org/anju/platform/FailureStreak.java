package org.anju.platform;

import org.slf4j.Logger;
import org.springframework.core.NestedExceptionUtils;

/**
 * Repeated background work (a refresh every 10 s) that fails while the database is away: said once when it starts
 * failing, with the cause's own message, and once when it works again — not a WARN line with the whole SQL at every
 * turn (operator trial, fifteenth session: the region and indicator refreshes each wrote one every 10 s of an outage).
 */
public final class FailureStreak {

    private final Logger log;
    private final String what;
    private volatile long since;   // nanoTime of the first failure, 0 while it works

    /** @param what the work, as the log lines name it (区划目录刷新) */
    public FailureStreak(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** A turn failed: logged when it is the first of a streak, else at debug. */
    public void failed(Throwable e) {
        String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        if (since == 0) {
            since = System.nanoTime() | 1;
            log.warn("{}失败（{}），沿用已载入的内容；恢复时另记一行", what, cause == null ? e.getClass().getSimpleName() : cause.strip());
        } else {
            log.debug("{}仍然失败：{}", what, cause);
        }
    }

    /** A turn worked: logged when it ends a streak. */
    public void worked() {
        if (since != 0) {
            log.info("{}已恢复（失败约 {} 秒）", what, java.time.Duration.ofNanos(System.nanoTime() - since).toSeconds());
            since = 0;
        }
    }
}
