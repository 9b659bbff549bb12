-- target_rollup's foreign key to plan, checked once per statement instead of once per row (issue 15, third session).
-- A national import COPYs 5,415 subtree sums, all of one plan, and the key looked the plan up 5,415 times (a trigger
-- call, an event in the after-trigger queue and an index probe each). The same rule as V3_1's for targets and table
-- rows: the plans a statement names must exist — looked up once each, and locked against a concurrent delete as the
-- key's check locked them (FOR KEY SHARE) — a plan's deletion takes its sums (the key's ON DELETE CASCADE), and a plan
-- whose sums exist keeps its id (the key's NO ACTION on update).

alter table target_rollup drop constraint target_rollup_plan_id_fkey;

create function target_rollup_check() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    perform from plan where id in (select plan_id from written_sums) for key share;
    select n.plan_id into missing
    from (select distinct plan_id from written_sums) n
    where not exists (select from plan p where p.id = n.plan_id)
    limit 1;
    if found then
        raise exception '计划汇总（target_rollup）所属的计划 % 不存在：汇总须随其计划一起写入', missing
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger target_rollup_check_insert after insert on target_rollup referencing new table as written_sums
    for each statement execute function target_rollup_check();
create trigger target_rollup_check_update after update on target_rollup referencing new table as written_sums
    for each statement execute function target_rollup_check();

-- a deleted plan takes its sums, in one statement
create function plan_rollup_cascade() returns trigger language plpgsql as $$
begin
    if not exists (select from deleted_plans) then
        return null;   -- a statement that deleted nothing
    end if;
    delete from target_rollup where plan_id in (select id from deleted_plans);
    return null;
end
$$;
create trigger plan_rollup_cascade after delete on plan referencing old table as deleted_plans
    for each statement execute function plan_rollup_cascade();

-- a plan's id is never changed while sums name it (ids are not changed at all; this keeps the key's rule whole)
create function plan_id_in_rollup_check() returns trigger language plpgsql as $$
begin
    if exists (select from target_rollup where plan_id = old.id) then
        raise exception '计划 % 仍有汇总数（target_rollup），不能修改其编号', old.id using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger plan_id_in_rollup_check after update of id on plan
    for each row when (old.id is distinct from new.id) execute function plan_id_in_rollup_check();
