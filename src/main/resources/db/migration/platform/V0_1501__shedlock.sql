-- Scheduled work once per cluster (issue 15): ShedLock keeps one row per task. A node that wants to run a task
-- updates its row where lock_until has passed (database time); the node whose update matched runs it, every other
-- node skips this turn. lock_until is how long the lock holds at most if its node dies mid-run.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
select audit_exempt('shedlock', '定时任务的集群锁（ShedLock），每次运行都写，不是业务数据');
