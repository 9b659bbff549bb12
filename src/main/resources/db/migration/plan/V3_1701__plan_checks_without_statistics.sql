-- The checks of V3_1 joined the rows a statement wrote to breakdown_row, and the planner chose the join by the
-- table's statistics. After a plan is deleted, the autovacuum records breakdown_row (and target) as empty on the
-- pages it keeps (reltuples 0, relpages > 0), and until the next analyze the planner takes every later insert's
-- join for a join with an empty table: it read the whole table once and compared each written row with all of it.
-- A national plan's import then took 6–8 s instead of 0.6 s, a table's check 1.1–1.4 s instead of 5 ms, growing
-- with the square of the rows (measured on PostgreSQL 15, issue 15; PlanCheckPlansTest).
--
-- The same rules, each looked up by its key, one probe per distinct row, column, table, region and parent: a
-- subquery in the WHERE clause that names the outer row is run once per outer row and is never turned into a join,
-- and with sequential scans off (in these two functions and what they fire) its one plan is a lookup in the primary key's index,
-- whatever the statistics say — taking the table for empty, the planner otherwise scanned it once per parent row.
-- Nested lookups (the row, then its table) for the same reason: a join inside the subquery could again scan
-- breakdown_table for every row.

create or replace function target_check() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    bad record;
begin
    -- each row looked up once, then each table the rows belong to (a table and plan a statement, usually)
    with m as materialized (
        select n.row_id, n.plan_id,
               -- the key alone in the WHERE clause: with the region there too, a planner that took the table for
               -- empty looked the row up by its region, among every plan's rows for that region
               (select case when r.region_id = n.region_id then r.table_id end
                from breakdown_row r where r.id = n.row_id) as table_id
        from (select distinct row_id, plan_id, region_id from written_targets) n)
    select m.row_id as id, 'row_id' as what into bad
    from m
    where m.table_id is null
       or (m.table_id, m.plan_id) in (select x.table_id, x.plan_id from (select distinct table_id, plan_id from m) x
                                      where (select t.plan_id from breakdown_table t where t.id = x.table_id)
                                            is distinct from x.plan_id)
    limit 1;
    if not found then
        select n.column_id as id, 'column_id' as what into bad
        from (select distinct column_id, plan_id, indicator_id, year from written_targets) n
        where (select c.indicator_id = n.indicator_id and c.year is not distinct from n.year
                      and (select t.plan_id from breakdown_table t where t.id = c.table_id) = n.plan_id
               from breakdown_column c where c.id = n.column_id) is not true
        limit 1;
    end if;
    if found then
        raise exception '目标值的 % % 不存在，或与目标值所记的计划、地区、指标、年度不符', bad.what, bad.id
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;

create or replace function breakdown_row_check() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    bad bigint;
begin
    select min(n.id) into bad
    from written_rows n
    where n.table_id in (select x.table_id from (select distinct table_id from written_rows) x
                         where (select true from breakdown_table t where t.id = x.table_id) is null)
       or n.region_id in (select x.region_id from (select distinct region_id from written_rows) x
                          where (select true from region g where g.id = x.region_id) is null);
    if bad is null then
        select x.parent_row_id into bad
        from (select distinct parent_row_id, table_id from written_rows where parent_row_id is not null) x
        where (select p.table_id = x.table_id from breakdown_row p where p.id = x.parent_row_id) is not true
        limit 1;
    end if;
    if bad is not null then
        raise exception '分解表行 % 的表、地区或上级行不存在', bad using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
