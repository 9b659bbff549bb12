-- Audit trail: every change to a data row — who, when, old, new, and how it came in (UI, API, IMPORT,
-- CLI, SYSTEM). Append-only. Kept in the platform migrations (major 0) so that every feature's
-- migrations, whatever their major, can attach it to their tables in the migration that creates them:
--
--     select audit_enable('report');                                   -- key: the primary key
--     select audit_enable('target', '{plan_id,region_id,indicator_id,year}');  -- key: what a user calls "the value"
--     select audit_enable('users', hidden_columns => '{password_hash}');       -- never copy secrets into the log
--     select audit_enable('target', '{plan_id,region_id,indicator_id,year}',   -- bulk rows: one entry per statement
--                         granularity => 'statement', group_columns => '{plan_id}');  -- and plan
--     select audit_exempt('target_rollup', '由 target 汇总而来');              -- derived data: say why not
--
-- Who is acting is stamped per transaction by the application (org.anju.account.AuditingTransactionManager):
--     select set_config('anju.actor', 'sr_admin', true), set_config('anju.via', 'UI', true), …
-- A change made outside the application (psql) is recorded as actor 'db:<database user>', via SYSTEM.

create table audit_log (
    id           bigserial primary key,
    at           timestamptz not null default now(),   -- transaction start: one change set, one time
    actor        text        not null,                  -- username; system; cli:<os user>; db:<db user>
    actor_name   text,                                  -- display name at the time
    actor_region text,                                  -- region code of the actor at the time
    via          text        not null check (via in ('UI', 'API', 'IMPORT', 'CLI', 'SYSTEM')),
    table_name   text        not null,
    row_key      jsonb       not null,                  -- the audited table's key columns and values
    op           text        not null check (op in ('INSERT', 'UPDATE', 'DELETE')),
    old          json,                                  -- the row before (UPDATE, DELETE)
    new          json,                                  -- the row after (INSERT, UPDATE)
    tx_id        bigint      not null                   -- PostgreSQL transaction id: the rows changed together
);
-- history of a row: where table_name = ? and row_key = ? (for 'statement' entries: the group's key, then
-- the row inside the array). A hash index: comparing jsonb in a btree is slow to maintain. old and new are
-- json, not jsonb: written far more often than read, and json is cheaper to write.
create index audit_log_row on audit_log using hash (row_key);
create index audit_log_actor on audit_log (actor_region, id);
alter sequence audit_log_id_seq cache 100;

-- Which tables are audited, by which key, which columns are never copied; and which are not audited and why.
create table audit_table (
    table_name     text primary key,
    audited        boolean not null,
    key_columns    text[],
    hidden_columns text[] not null default '{}',
    granularity    text check (granularity in ('row', 'statement')),
    group_columns  text[] not null default '{}',
    reason         text,
    check (audited = (key_columns is not null)),
    check (audited or reason is not null)
);

-- append-only: the log refuses to be changed or emptied
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '审计记录只能追加，不能修改或删除（audit_log 为只追加表）' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Inserts and deletes: one statement-level trigger call per statement, reading the transition table, so
-- that a COPY of 45,000 targets costs one INSERT … SELECT instead of 45,000 trigger calls.
-- granularity 'row': one entry per row, row_key its key — for rows written a few at a time;
-- granularity 'statement': one entry per statement (and per value of group_columns), old/new a JSON array
-- of its rows, row_key the group's values — for rows written by the ten thousand (a national plan's
-- targets: one entry per table instead of 45,000; the history of one target is found inside the arrays,
-- see org.anju.account.AuditTrail.history). Updates are always recorded row by row.
create function audit_rows() returns trigger language plpgsql as $$
declare
    key_columns    text[]  := tg_argv[0]::text[];
    hidden_columns text[]  := tg_argv[1]::text[];
    per_statement  boolean := tg_argv[2] = 'statement';
    group_columns  text[]  := coalesce(tg_argv[3], '{}')::text[];
    key_expr       text;
    row_expr       text;
    group_by       text    := '';
begin
    -- a cascaded delete runs one statement per parent row, most of them deleting nothing here
    if tg_op = 'INSERT' then
        if not exists (select from audit_new_rows) then
            return null;
        end if;
    elsif not exists (select from audit_old_rows) then
        return null;
    end if;
    row_expr := case when cardinality(hidden_columns) = 0 then 'to_json(r)' else '(to_jsonb(r) - $5)::json' end;
    if per_statement then
        row_expr := format('json_agg(%s)', row_expr);
        if cardinality(group_columns) = 0 then
            key_expr := format('jsonb_build_object(%L, true, %L, count(*))', 'statement', 'rows');
        else
            select format('jsonb_build_object(%s)', string_agg(format('%L, r.%I', g, g), ', ')),
                   'group by ' || string_agg(format('r.%I', g), ', ')
            into key_expr, group_by
            from unnest(group_columns) g;
        end if;
    else
        select format('jsonb_build_object(%s)', string_agg(format('%L, r.%I', k, k), ', '))
        into key_expr
        from unnest(key_columns) k;
    end if;
    execute format($f$
        insert into audit_log (actor, actor_name, actor_region, via, table_name, row_key, op, old, new, tx_id)
        select $1, $2, $3, $4, %L, %s, %L, %s, %s, $6
        from %I r %s$f$,
        tg_table_name,
        key_expr,
        tg_op,
        case tg_op when 'DELETE' then row_expr else 'null::json' end,
        case tg_op when 'INSERT' then row_expr else 'null::json' end,
        case tg_op when 'INSERT' then 'audit_new_rows' else 'audit_old_rows' end,
        group_by)
        using coalesce(nullif(current_setting('anju.actor', true), ''), 'db:' || session_user),
              nullif(current_setting('anju.actor_name', true), ''),
              nullif(current_setting('anju.region', true), ''),
              coalesce(nullif(current_setting('anju.via', true), ''), 'SYSTEM'),
              hidden_columns,
              pg_current_xact_id()::text::bigint;
    return null;
end
$$;

-- Updates: row by row (they come one or a few at a time), skipping rows that did not change.
create function audit_update() returns trigger language plpgsql as $$
declare
    key_columns    text[] := tg_argv[0]::text[];
    hidden_columns text[] := tg_argv[1]::text[];
    o              jsonb  := to_jsonb(old);
    n              jsonb  := to_jsonb(new);
    k              text;
    key            jsonb  := '{}';
begin
    if o = n then
        return null;
    end if;
    foreach k in array hidden_columns loop
        if o -> k is distinct from n -> k then
            o := jsonb_set(o, array[k], '"（已隐藏）"');
            n := jsonb_set(n, array[k], '"（已修改）"');
        else
            o := o - k;
            n := n - k;
        end if;
    end loop;
    foreach k in array key_columns loop
        key := key || jsonb_build_object(k, to_jsonb(new) -> k);
    end loop;
    insert into audit_log (actor, actor_name, actor_region, via, table_name, row_key, op, old, new, tx_id)
    values (coalesce(nullif(current_setting('anju.actor', true), ''), 'db:' || session_user),
            nullif(current_setting('anju.actor_name', true), ''),
            nullif(current_setting('anju.region', true), ''),
            coalesce(nullif(current_setting('anju.via', true), ''), 'SYSTEM'),
            tg_table_name, key, 'UPDATE', o::json, n::json, pg_current_xact_id()::text::bigint);
    return null;
end
$$;

-- Attaches the audit trail to a table.
--   key_columns:    what identifies a row for "the history of this value" (default: the primary key)
--   hidden_columns: never copied into the log (a change shows as "（已修改）")
--   granularity:    'row' (default) or 'statement' for rows written in bulk (see audit_rows)
--   group_columns:  with 'statement', one entry per statement and value of these columns (e.g. plan_id),
--                   so that a row's history is looked for among its group's entries only
create function audit_enable(target regclass, key_columns text[] default null, hidden_columns text[] default '{}',
                             granularity text default 'row', group_columns text[] default '{}')
    returns void language plpgsql as $$
declare
    keys text[] := key_columns;
    name text;
begin
    if granularity not in ('row', 'statement') then
        raise exception 'granularity 只能是 row 或 statement：%', granularity;
    end if;
    if granularity = 'row' and cardinality(group_columns) > 0 then
        raise exception 'group_columns 只用于 granularity => ''statement''';
    end if;
    select c.relname into name from pg_class c where c.oid = target;
    if keys is null then
        select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
        into keys
        from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
        where i.indrelid = target and i.indisprimary;
    end if;
    if keys is null or cardinality(keys) = 0 then
        raise exception '表 % 没有主键：请用 audit_enable(表, key_columns) 指定标识一行的列', name;
    end if;
    if not group_columns <@ keys then
        raise exception 'group_columns 须是 key_columns 的一部分：% 不在 % 中', group_columns, keys;
    end if;
    execute format('drop trigger if exists audit_insert on %s', target);
    execute format('drop trigger if exists audit_delete on %s', target);
    execute format('drop trigger if exists audit_update on %s', target);
    execute format('create trigger audit_insert after insert on %s referencing new table as audit_new_rows '
                   'for each statement execute function audit_rows(%L, %L, %L, %L)', target, keys, hidden_columns,
                   granularity, group_columns);
    execute format('create trigger audit_delete after delete on %s referencing old table as audit_old_rows '
                   'for each statement execute function audit_rows(%L, %L, %L, %L)', target, keys, hidden_columns,
                   granularity, group_columns);
    execute format('create trigger audit_update after update on %s '
                   'for each row execute function audit_update(%L, %L)', target, keys, hidden_columns);
    insert into audit_table (table_name, audited, key_columns, hidden_columns, granularity, group_columns, reason)
    values (name, true, keys, hidden_columns, granularity, group_columns, null)
    on conflict (table_name) do update set audited = true, key_columns = excluded.key_columns,
        hidden_columns = excluded.hidden_columns, granularity = excluded.granularity,
        group_columns = excluded.group_columns, reason = null;
end
$$;

-- Records that a table is deliberately not audited (derived or scratch data), and why.
create function audit_exempt(target regclass, reason text) returns void language plpgsql as $$
declare
    name text;
begin
    select c.relname into name from pg_class c where c.oid = target;
    insert into audit_table (table_name, audited, key_columns, granularity, reason)
    values (name, false, null, null, reason)
    on conflict (table_name) do update set audited = false, key_columns = null, granularity = null,
                                           reason = excluded.reason;
end
$$;

select audit_exempt('audit_log', '审计记录本身');
select audit_exempt('audit_table', '审计配置，随迁移脚本变更');
select audit_enable('app_setting');
