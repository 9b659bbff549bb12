-- V3_1701 for the deletes: the cascades of V3_1 and the check that a region in use stays joined the deleted rows to
-- breakdown_row and target, and with the statistics the autovacuum leaves after a plan's deletion (reltuples 0 on
-- the pages it keeps) the planner compared every deleted row with every row of the other plans. Deleting a national
-- plan while another was stored took 102 s instead of 0.15 s; deleting a table's two columns 0.9 s instead of 0.06 s
-- (review of the seventeenth session, docs/reviews/2026-12-03-statistics-cliffs.md; PlanChecksWithoutStatisticsTest).
--
-- The deleted keys go in as one array — an init plan, computed once and never turned into a join — and each is looked
-- up in its index, sequential scans off in these functions: the same rows deleted, whatever the statistics say.

create or replace function breakdown_row_cascade() returns trigger language plpgsql set enable_seqscan = off as $$
begin
    if not exists (select from deleted_rows) then
        return null;   -- a statement that deleted nothing (the end of a cascade)
    end if;
    delete from target where row_id = any (array(select id from deleted_rows));
    delete from breakdown_row where parent_row_id = any (array(select id from deleted_rows));
    return null;
end
$$;

create or replace function breakdown_column_cascade() returns trigger language plpgsql set enable_seqscan = off as $$
begin
    if not exists (select from deleted_columns) then
        return null;   -- a statement that deleted nothing (the end of a cascade)
    end if;
    -- found through the rows of the column's table (the primary key's index), not a scan of every target: each row of
    -- those tables with each deleted column (a pair that names no target finds nothing)
    delete from target t
    where t.row_id = any (array(select r.id from breakdown_row r
                                where r.table_id = any (array(select distinct table_id from deleted_columns))))
      and t.column_id = any (array(select id from deleted_columns));
    return null;
end
$$;

create or replace function region_in_breakdown_check() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    used text;
begin
    -- one lookup in breakdown_row_region per deleted region (a correlated subquery is never turned into a join)
    select g.name into used from deleted_regions g
    where (select true from breakdown_row r where r.region_id = g.id limit 1)
    limit 1;
    if found then
        raise exception '地区 % 仍在分解表中使用，不能删除', used using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
