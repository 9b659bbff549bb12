-- A roll-up row that no unit's figure is in any more — its units' reports were returned, leaving value 0 and units 0 —
-- read as a sum of 0: a typed item of the 月报 a unit returned and resubmitted blank read as 0, not 未填 (guesses audit
-- H1). Filtering "units > 0" on read would cost the ranking of all counties its index-only scan (V12_1511: the index
-- carries value, not units; review 25 M2). So the rows go when their last figure does, and the ones left so far now.
create or replace function apply_progress_sum_change() returns trigger
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
        -- a row no unit's figure is in any more (its units' reports returned) is no sum of 0: gone, so an item
        -- nobody filled in reads as none (未填) and the index by period stays enough for every read (review 25 M2)
        delete from progress_rollup
        where period = new.period and units = 0 and indicator_id = any(new.indicator_ids)
          and region_id in (select ancestor_id from region_ancestor where region_id = new.unit_id);
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

delete from progress_rollup where units = 0;
