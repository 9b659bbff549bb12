package org.anju.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;

/**
 * A request's transaction waits for a lock at most {@code anju.db.lock-timeout} (ANJU_DB_LOCK_TIMEOUT, 5 s; 0: no
 * limit), then ends "系统繁忙" (55P03, {@link ServiceBusy}: 503 with Retry-After), nothing written. An import rewrites
 * thousands of rows in one transaction for a minute or more; a progress save on one of them waited that long, holding a
 * request slot and a connection, and a few such saves filled the node (review 2026-12-02, admission finding 3: 38–67 s
 * each).
 *
 * <p>Requests only — a thread serving one (Spring's request attributes bound): page import jobs, schedulers and the
 * migrations at start wait as before (Flyway's lock waits for another node's migration). An import sent to the API runs
 * on its request's thread and is limited too: behind another import of the same rows it is refused after the timeout,
 * and sent again, rather than holding its slot for the other's whole run. The transaction manager sets it, local to
 * the transaction, in the statement it begins every transaction with (org.anju.account's auditing manager): no round
 * trip of its own, and a failure there is the begin's failure, which gives the connection back.
 */
@Component
public class RequestLockWait {

    private final String timeout;

    RequestLockWait(@Value("${anju.db.lock-timeout:5s}") Duration timeout) {
        this.timeout = timeout == null || !timeout.isPositive() ? null : timeout.toMillis() + "ms";
    }

    /** The {@code lock_timeout} of a transaction begun on this thread now: set on a request's thread, else null. */
    public String forThisThread() {
        return timeout != null && RequestContextHolder.getRequestAttributes() != null ? timeout : null;
    }
}
