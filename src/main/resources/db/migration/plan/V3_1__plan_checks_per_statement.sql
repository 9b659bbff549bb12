-- A national plan is 26,000 table rows and 45,000 targets written with COPY. A foreign key checks every
-- row with a lookup of its own (some 7 µs each); with two keys on each target and three on each table row
-- that was 40 % of the import. The same rules are checked here once per statement instead, with one join
-- over the rows the statement wrote — and a target is also checked to agree with its row and column
-- (plan, region, indicator, year), which the keys never did. Deletes cascade as the keys did.

alter table target drop constraint target_row_id_fkey;
alter table target drop constraint target_column_id_fkey;
alter table breakdown_row drop constraint breakdown_row_table_id_fkey;
alter table breakdown_row drop constraint breakdown_row_region_id_fkey;
alter table breakdown_row drop constraint breakdown_row_parent_row_id_fkey;
create index breakdown_row_region on breakdown_row (region_id);   -- a region in use must not be deleted

-- targets: each names an existing row and column, and repeats their plan, region, indicator and year.
-- Checked on the distinct rows and columns named (a table's 3,700 rows and 4 columns for its 15,000
-- targets): one index lookup each, instead of two per target.
create function target_check() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select n.row_id as id, 'row_id' as what into bad
    from (select distinct row_id, plan_id, region_id from written_targets) n
    left join breakdown_row r on r.id = n.row_id
    left join breakdown_table t on t.id = r.table_id
    where r.id is null or t.plan_id <> n.plan_id or r.region_id <> n.region_id
    limit 1;
    if not found then
        select n.column_id as id, 'column_id' as what into bad
        from (select distinct column_id, plan_id, indicator_id, year from written_targets) n
        left join breakdown_column c on c.id = n.column_id
        left join breakdown_table t on t.id = c.table_id
        where c.id is null or t.plan_id <> n.plan_id or c.indicator_id <> n.indicator_id or c.year is distinct from n.year
        limit 1;
    end if;
    if found then
        raise exception '目标值的 % % 不存在，或与目标值所记的计划、地区、指标、年度不符', bad.what, bad.id
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger target_check_insert after insert on target referencing new table as written_targets
    for each statement execute function target_check();
create trigger target_check_update after update on target referencing new table as written_targets
    for each statement execute function target_check();

-- table rows: of an existing table, for an existing region, under a parent row of the same table (parents
-- looked up once each: a table's 3,700 rows have a few hundred)
create function breakdown_row_check() returns trigger language plpgsql as $$
declare
    bad bigint;
begin
    select n.id into bad
    from written_rows n
    left join breakdown_table t on t.id = n.table_id
    left join region g on g.id = n.region_id
    where t.id is null or g.id is null
    limit 1;
    if not found then
        select x.parent_row_id into bad
        from (select distinct parent_row_id, table_id from written_rows where parent_row_id is not null) x
        left join breakdown_row p on p.id = x.parent_row_id
        where p.id is null or p.table_id <> x.table_id
        limit 1;
    end if;
    if found then
        raise exception '分解表行 % 的表、地区或上级行不存在', bad using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger breakdown_row_check_insert after insert on breakdown_row referencing new table as written_rows
    for each statement execute function breakdown_row_check();
create trigger breakdown_row_check_update after update on breakdown_row referencing new table as written_rows
    for each statement execute function breakdown_row_check();

-- deletes cascade: a table takes its rows, a row its targets and the rows under it, a column its targets
create function breakdown_table_cascade() returns trigger language plpgsql as $$
begin
    if not exists (select from deleted_tables) then
        return null;   -- a statement that deleted nothing (the end of a cascade)
    end if;
    delete from breakdown_row where table_id in (select id from deleted_tables);
    return null;
end
$$;
create trigger breakdown_table_cascade after delete on breakdown_table referencing old table as deleted_tables
    for each statement execute function breakdown_table_cascade();

create function breakdown_row_cascade() returns trigger language plpgsql as $$
begin
    if not exists (select from deleted_rows) then
        return null;   -- a statement that deleted nothing (the end of a cascade)
    end if;
    delete from target where row_id in (select id from deleted_rows);
    delete from breakdown_row where parent_row_id in (select id from deleted_rows);
    return null;
end
$$;
create trigger breakdown_row_cascade after delete on breakdown_row referencing old table as deleted_rows
    for each statement execute function breakdown_row_cascade();

create function breakdown_column_cascade() returns trigger language plpgsql as $$
begin
    if not exists (select from deleted_columns) then
        return null;   -- a statement that deleted nothing (the end of a cascade)
    end if;
    -- found through the rows of the column's table (the primary key's index), not a scan of every target
    delete from target t using breakdown_row r, deleted_columns c
    where r.table_id = c.table_id and t.row_id = r.id and t.column_id = c.id;
    return null;
end
$$;
create trigger breakdown_column_cascade after delete on breakdown_column referencing old table as deleted_columns
    for each statement execute function breakdown_column_cascade();

-- a region some breakdown table still names is not deleted
create function region_in_breakdown_check() returns trigger language plpgsql as $$
declare
    used text;
begin
    select g.name into used from deleted_regions g join breakdown_row r on r.region_id = g.id limit 1;
    if found then
        raise exception '地区 % 仍在分解表中使用，不能删除', used using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger region_in_breakdown_check after delete on region referencing old table as deleted_regions
    for each statement execute function region_in_breakdown_check();
