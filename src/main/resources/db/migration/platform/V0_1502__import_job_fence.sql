-- Import jobs fence themselves (review of issue 15): an import's own write transaction sets wrote_at as its last
-- statement, only while the row has not ended. A node marking a job 中断 (its sweep, or its own shutdown) skips rows
-- with wrote_at, and waits on the row lock while such a transaction commits: a job is never shown 中断 (未写入任何数据)
-- once its import committed, and an import whose job was marked 中断 first rolls back.
alter table import_job
    add column if not exists wrote_at    timestamptz,
    -- the primary's WAL position after the import committed: the owner's session reads a replica only once it has
    -- replayed that far (read your own writes, org.anju.platform.ReadReplicaRouting)
    add column if not exists written_lsn pg_lsn;
