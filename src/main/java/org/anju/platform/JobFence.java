package org.anju.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * An import job's write transaction fences itself (review of issue 15): the last statement before its commit is
 * {@code update import_job set wrote_at = now() … where id = ? and finished_at is null}, on the import's own
 * connection. When the row has ended already (another node's sweep or this node's shutdown marked it 中断), the update
 * finds no row and the import is rolled back ({@link Fenced}), so 中断's "未写入任何数据" stays true. When the update
 * matched, the row is locked until the commit, and marking 中断 skips rows with {@code wrote_at}: a job whose import
 * committed is never shown 中断. Every read-write transaction begun on a page job's thread is fenced; transactions
 * elsewhere (requests, API imports, the command line) are untouched.
 */
final class JobFence implements TransactionExecutionListener {

    /** The import's transaction found its job already ended (marked 中断): it was rolled back. */
    static final class Fenced extends IllegalStateException {
        Fenced(String id) {
            super("导入任务 " + id + " 已被标为中断，导入事务已回滚");
        }
    }

    private final JdbcTemplate jdbc;

    /** @param dataSource the transaction manager's own data source, so that the fence runs on the import's connection */
    JobFence(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Runs right before the commit itself, after every synchronization's before-commit and before-completion work
     * (Spring calls listeners last), so the row's lock is held only while PostgreSQL commits. Deferred constraints are
     * checked first ({@code set constraints all immediate}: a national plan's 45,000 rows take seconds), not under the
     * lock: the node's ticker, which heartbeats every job of the node, waits on that row meanwhile.
     */
    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (!transaction.isNewTransaction() || transaction.isReadOnly() || transaction.isRollbackOnly()
                || !JobProgress.CURRENT.isBound()) {
            return;
        }
        Job job = JobProgress.CURRENT.get();
        if (!job.pageJob) {
            return;
        }
        jdbc.execute("set constraints all immediate");
        // clock_timestamp(): now() is the import transaction's start, maybe minutes ago (the row would look silent).
        // The stage is stored with it, not left to the ticker (250 ms late): a node's death after a preview kept its
        // file is told apart from one after the import wrote (JobTable.sweep)
        int claimed = jdbc.update("""
                update import_job set wrote_at = coalesce(wrote_at, clock_timestamp()), heartbeat = clock_timestamp(),
                       stage = ?
                where id = ? and finished_at is null""", job.stage(), UUID.fromString(job.id));
        if (claimed != 1) {
            throw new Fenced(job.id);
        }
    }
}
