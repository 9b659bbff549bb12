-- The sums of every region above a unit (progress_rollup, progress_reporting) move when its report is submitted or
-- returned, in the same transaction (Rollups). Their rows up to 全国 are shared by every submit in the country, and each
-- stays locked from its update to the commit. Updated from the application, that span held several round trips to a
-- JVM which, at a month-end peak, was busy: every other submit queued on 全国's rows, each holding a pool connection,
-- until the pools ran dry (docs/PERFORMANCE.md, month-end load). Now the application records the change here and the
-- deferred trigger applies it while PostgreSQL commits: the shared rows are locked only inside COMMIT. Nothing is
-- left in this table after a commit; `set constraints … immediate` applies the changes at once (same result).
create table progress_sum_change (
    id            bigint generated always as identity primary key,
    unit_id       integer not null references region (id),
    period        date    not null check (extract(day from period) = 1),
    -- the difference of the unit's figures, per indicator and source (empty: none)
    indicator_ids integer[] not null,
    sources       text[]    not null,
    deltas        numeric[] not null,
    unit_deltas   integer[] not null,
    -- +1: the unit's month enters the counts of reporting units, -1: it leaves them, 0: unchanged
    reported      integer   not null check (reported between -1 and 1)
);

select audit_exempt('progress_sum_change', '待提交时计入 progress_rollup/progress_reporting 的差额，事务提交时即删除');

create function apply_progress_sum_change() returns trigger
    language plpgsql as
$$
begin
    if cardinality(new.indicator_ids) > 0 then
        -- the ancestors' rows in one fixed order: concurrent commits never wait on each other crosswise
        insert into progress_rollup as r (region_id, period, indicator_id, source, value, units)
        select a.ancestor_id, new.period, d.i, d.s, d.v, d.u
        from region_ancestor a
        cross join unnest(new.indicator_ids, new.sources, new.deltas, new.unit_deltas) as d(i, s, v, u)
        where a.region_id = new.unit_id
        order by a.ancestor_id, d.i, d.s
        on conflict (region_id, period, indicator_id, source)
        do update set value = r.value + excluded.value, units = r.units + excluded.units;
    end if;
    if new.reported = 1 then
        insert into progress_reporting as r (region_id, period, reported)
        select a.ancestor_id, new.period, 1 from region_ancestor a where a.region_id = new.unit_id order by a.ancestor_id
        on conflict (region_id, period) do update set reported = r.reported + 1;
    elsif new.reported = -1 then
        -- PostgreSQL checks a row's constraints before it looks for a conflict, so a decrement cannot go through
        -- "insert … on conflict": the unit was counted, hence every ancestor has its row. Locked in the increment's order.
        perform 1 from progress_reporting
        where period = new.period and region_id in (select ancestor_id from region_ancestor where region_id = new.unit_id)
        order by region_id for update;
        update progress_reporting set reported = reported - 1
        where period = new.period and region_id in (select ancestor_id from region_ancestor where region_id = new.unit_id);
    end if;
    delete from progress_sum_change where id = new.id;
    return null;
end
$$;

create constraint trigger progress_sum_change_at_commit
    after insert on progress_sum_change
    deferrable initially deferred
    for each row execute function apply_progress_sum_change();
