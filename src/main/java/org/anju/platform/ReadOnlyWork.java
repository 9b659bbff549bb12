package org.anju.platform;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Work that only reads, in one read-only transaction: one pool connection for all its queries instead of one each, on
 * the replica if configured (the session's own writes are waited for: {@link ReadReplicaRouting}). For the reads a
 * handler makes after its write committed, e.g. re-rendering a page after an htmx save (issue 15, cost per request).
 */
@Component
public class ReadOnlyWork {

    private final TransactionTemplate reads;

    ReadOnlyWork(PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    public <T> T read(Supplier<T> work) {
        return reads.execute(status -> work.get());
    }
}
