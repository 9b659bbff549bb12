package org.anju.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The import jobs' rows ({@code import_job}). Every write is its own short transaction, never part of an import's
 * (which stays one all-or-nothing transaction): a new transaction even when the calling thread is inside one.
 */
final class JobTable implements ImportSlots.Shares {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    /** The jobs' own connection: progress, heartbeats and ends are written even when the main pool is exhausted. */
    private final JdbcClient beats;
    private final TransactionTemplate beat;
    private final JdbcClient counts;
    private final String node;
    private final Duration timeout;

    JobTable(DataSource dataSource, String node, Duration timeout) {
        this(dataSource, dataSource, node, timeout);
    }

    /**
     * @param dataSource the application's (places taken and given back, reads, sweeps: on request threads)
     * @param beatSource the import jobs' own small pool on the primary (the node's ticker, a job's end)
     */
    JobTable(DataSource dataSource, DataSource beatSource, String node, Duration timeout) {
        this(dataSource, beatSource, beatSource, node, timeout);
    }

    /** @param countSource the metrics' reading of the cluster's counts ({@link #clusterCounts}): the probes' pool */
    JobTable(DataSource dataSource, DataSource beatSource, DataSource countSource, String node, Duration timeout) {
        this.counts = JdbcClient.create(countSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.own = requiresNew(dataSource);
        this.beats = JdbcClient.create(beatSource);
        this.beat = requiresNew(beatSource);
        this.node = node;
        this.timeout = timeout;
    }

    // a plain manager (no auditing actor: a job's rows are not audited, and the ticker acts for no one)
    private static TransactionTemplate requiresNew(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    String node() {
        return node;
    }

    /**
     * The job's row, inserted when its owner has fewer than {@code maxPerUser} imports going on any node (a job
     * whose node stopped heartbeating no longer counts). Race-safe: the owner's count and insert run under a
     * transaction-scoped advisory lock per owner, so two nodes taking the last place at once cannot both succeed.
     */
    @Override
    public void take(Job job, int maxPerUser) {
        boolean taken = Boolean.TRUE.equals(own.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('import_job:' || ?, 0))").param(job.owner)
                    .query((rs, n) -> 1).list();
            long going = jdbc.sql("""
                            select count(*) from import_job
                            where owner = ? and finished_at is null and heartbeat > now() - make_interval(secs => ?)""")
                    .param(job.owner).param(timeout.toMillis() / 1000.0).query(Long.class).single();
            if (going >= maxPerUser) {
                return false;
            }
            jdbc.sql("""
                            insert into import_job (id, owner, title, stages, state, stage, node, page_job)
                            values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                    .param(UUID.fromString(job.id)).param(job.owner).param(job.title)
                    .param(job.stages.toArray(String[]::new)).param(job.stage()).param(node).param(job.pageJob)
                    .update();
            return true;
        }));
        if (!taken) {
            throw ImportSlots.userBusy(maxPerUser);
        }
    }

    /** An API call's share goes with it; a page job's row stays (its end is written by {@link Jobs}). */
    @Override
    public void drop(Job job) {
        if (!job.pageJob) {
            own.executeWithoutResult(tx -> jdbc.sql("delete from import_job where id = ?").param(UUID.fromString(job.id))
                    .update());
        }
    }

    @Override
    public void cancel(Job job) {
        own.executeWithoutResult(tx -> jdbc.sql("delete from import_job where id = ?").param(UUID.fromString(job.id))
                .update());
    }

    /** Stage, rows done, queue place, state; and the heartbeat. Nothing once the row has ended. */
    void progress(Job job, JobState state, String stage, long done, long total, int queueAhead) {
        beat.executeWithoutResult(tx -> beats.sql("""
                        update import_job set state = ?, stage = ?, done = ?, total = ?, queue_ahead = ?, heartbeat = now(),
                               started_at = case when ? = 'RUNNING' then coalesce(started_at, now()) end
                        where id = ? and finished_at is null""")
                .param(state.name()).param(stage).param(done).param(total).param(queueAhead).param(state.name())
                .param(UUID.fromString(job.id)).update());
    }

    /**
     * The job's end (after its import's transaction): its result (gzip JSON), or its failure; for an import that
     * wrote, the primary's WAL position now (its commit is before it). Also replaces a {@link Jobs.Failure#WRITTEN}
     * mark a sweep left while this node was slow to get here.
     *
     * @return the WAL position stored (0 when the job wrote nothing), or empty when the row had ended already: marked
     * 中断 before the import wrote anything
     */
    java.util.OptionalLong end(Job job, JobState state, byte[] result, Jobs.Failure failure) {
        Optional<String> lsn = beat.execute(tx -> beats.sql("""
                        update import_job set state = ?, stage = ?, result = ?, error_kind = ?, error_message = ?,
                               problems = ?, finished_at = now(), heartbeat = now(), queue_ahead = 0,
                               written_lsn = case when wrote_at is not null then pg_current_wal_insert_lsn() end
                        where id = ? and (finished_at is null or wrote_at is not null and error_kind = ?)
                        returning coalesce(written_lsn::text, '')""")
                // the row's stage is the end's name (完成, 失败, 中断), not the last one reported (排队中 for a fast preview)
                .param(state.name()).param(state == JobState.FINISHED ? "完成" : state.label()).param(result)
                .param(failure == null ? null : failure.kind()).param(failure == null ? null : failure.message())
                .param(failure == null ? null : failure.problems().toArray(String[]::new))
                .param(UUID.fromString(job.id)).param(Jobs.Failure.WRITTEN).query(String.class).optional());
        return lsn == null || lsn.isEmpty() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(ReplicaRoute.Lsn.parse(lsn.get().isEmpty() ? null : lsn.get()));
    }

    /**
     * Marks the jobs 中断 (this node is stopping before they could finish): only those whose import has not written
     * (no {@code wrote_at}; a commit under way holds the row's lock, and is waited for).
     *
     * @return the jobs marked
     */
    List<String> interrupt(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Jobs.Failure f = Jobs.Failure.interrupted();
        return own.execute(tx -> jdbc.sql("""
                        update import_job set state = 'INTERRUPTED', stage = '中断', error_kind = ?, error_message = ?, finished_at = now()
                        where id = any(?) and finished_at is null and wrote_at is null
                        returning id::text""")
                .param(f.kind()).param(f.message()).param(ids.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(String.class).list());
    }

    /** A job as stored, with how long its node has been silent. */
    record Row(String id, String owner, String title, List<String> stages, JobState state, String stage, long done,
               long total, int queueAhead, String node, long silentMillis, String errorKind, String errorMessage,
               List<String> problems, byte[] result, boolean wrote, long writtenLsn) {
    }

    Optional<Row> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, owner, title, stages, state, stage, done, total, queue_ahead, node,
                               (extract(epoch from now() - heartbeat) * 1000)::bigint as silent,
                               error_kind, error_message, problems, result, wrote_at is not null as wrote,
                               -- a job that wrote and whose node died before its end: the commit is before now
                               case when wrote_at is not null then coalesce(written_lsn, pg_current_wal_insert_lsn())::text end as lsn
                        from import_job where id = ? and page_job""")
                .param(uuid).query((rs, n) -> new Row(rs.getString("id"), rs.getString("owner"), rs.getString("title"),
                        strings(rs.getArray("stages")), JobState.valueOf(rs.getString("state")), rs.getString("stage"),
                        rs.getLong("done"), rs.getLong("total"), rs.getInt("queue_ahead"), rs.getString("node"),
                        rs.getLong("silent"), rs.getString("error_kind"), rs.getString("error_message"),
                        strings(rs.getArray("problems")), rs.getBytes("result"),
                        rs.getBoolean("wrote"), ReplicaRoute.Lsn.parse(rs.getString("lsn"))))
                .optional();
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * Housekeeping any node does when it looks: jobs whose node stopped heartbeating more than the timeout ago become
     * 中断 — unless their import wrote (committed, or committing: the row's lock is waited for); those end 已完成
     * with {@link Jobs.Failure#WRITTEN} instead (the result summary was lost with the node), or, when what was written
     * is a preview's file ({@link Jobs#PREVIEW_STAGE}), 中断 with the same kind and a preview's message. Jobs ended
     * more than {@code keep} ago are deleted. Returns how many were marked 中断 for having written nothing.
     */
    int sweep(Duration keep) {
        Jobs.Failure f = Jobs.Failure.interrupted();
        Jobs.Failure w = Jobs.Failure.written();
        Jobs.Failure p = Jobs.Failure.previewWritten();
        Integer stale = own.execute(tx -> {
            int marked = jdbc.sql("""
                            update import_job set state = 'INTERRUPTED', stage = '中断', error_kind = ?, error_message = ?, finished_at = now()
                            where finished_at is null and wrote_at is null and heartbeat < now() - make_interval(secs => ?)""")
                    .param(f.kind()).param(f.message()).param(timeout.toMillis() / 1000.0).update();
            // (a preview that kept its file wrote too, but the user has no preview to see: 中断, said as a preview's)
            jdbc.sql("""
                            update import_job set state = case when stage = ? then 'INTERRUPTED' else 'FINISHED' end,
                                   stage = case when stage = ? then '中断' else '完成' end, error_kind = ?,
                                   error_message = case when stage = ? then ? else ? end, finished_at = now()
                            where finished_at is null and wrote_at is not null and heartbeat < now() - make_interval(secs => ?)""")
                    .param(Jobs.PREVIEW_STAGE).param(Jobs.PREVIEW_STAGE).param(w.kind())
                    .param(Jobs.PREVIEW_STAGE).param(p.message()).param(w.message())
                    .param(timeout.toMillis() / 1000.0).update();
            jdbc.sql("delete from import_job where finished_at < now() - make_interval(secs => ?)")
                    .param((double) keep.toSeconds()).update();
            return marked;
        });
        return stale == null ? 0 : stale;
    }

    /**
     * Queued and running jobs of the whole cluster (fresh heartbeats only), for the metrics' gauges: on the probes' own
     * pool (anju-health) — on the requests' one a scrape of a saturated node waited its timeout per gauge and read NaN,
     * exactly when the scrape mattered (metrics review), and the jobs' single connection is the heartbeats' (review of
     * the sixteenth session).
     */
    long[] clusterCounts() {
        return counts.sql("""
                        select count(*) filter (where state = 'QUEUED'), count(*) filter (where state = 'RUNNING')
                        from import_job where finished_at is null and heartbeat > now() - make_interval(secs => ?)""")
                .param(timeout.toMillis() / 1000.0)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }
}
