-- Import jobs (issue 15): what an import started from a page is doing, on which node, and how it ended, so any
-- node of a cluster can show it (progress, queue place, result or refusal) and a user's share of imports is counted
-- across nodes. Rows are working state, not records: a finished job is deleted 30 minutes after it ends.
create table import_job (
    id            uuid primary key,
    owner         text        not null,
    title         text        not null,
    stages        text[]      not null,
    -- QUEUED 排队中, RUNNING 进行中, FINISHED 已完成, FAILED 失败, INTERRUPTED 中断 (its node stopped)
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'INTERRUPTED')),
    stage         text,
    done          bigint      not null default 0,
    total         bigint      not null default 0,
    -- imports waiting on the same node before this one (the per-node queue)
    queue_ahead   integer     not null default 0,
    node          text        not null,
    heartbeat     timestamptz not null default now(),
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    -- a refusal: its kind (BAD_INPUT, CONFLICT, … of org.anju.platform.Refusal, INPUT for a file's problems,
    -- INTERRUPTED, FAULT for a bug) and the Chinese text the page shows, and a file's problems one per element
    error_kind    text,
    error_message text,
    problems      text[],
    -- the result record as gzip-compressed JSON (a national preview lists 45,000 figures)
    result        bytea,
    -- a page job (shown to its owner) or an API call's share of the limits (deleted when the call returns)
    page_job      boolean     not null default true,
    check ((state in ('FINISHED', 'FAILED', 'INTERRUPTED')) = (finished_at is not null))
);
-- a user's imports going on (the per-user limit) and the ones a node looks after
create index import_job_active on import_job (owner) where finished_at is null;
create index import_job_finished on import_job (finished_at) where finished_at is not null;

select audit_exempt('import_job', '导入任务的进度和结果（工作状态，完成后 30 分钟删除）；导入写入的数据本身有审计');
