-- Updates are audited row by row (V0_2): one trigger call and one audit entry per changed row. A table whose rows are
-- updated by the ten thousand in one statement — a draw places 20,000 candidates of a round at once — spent most of
-- the draw in those calls (docs/PERFORMANCE.md, RentalBench). Such a table may now have its updates recorded like its
-- bulk inserts: one entry per statement and group (its group_columns), old and new as two JSON arrays of the changed
-- rows in the same order, so that old[i] and new[i] are the same row (org.anju.account.AuditTrail.history picks a
-- row's pair out of them). Rows that did not change are left out, as before; hidden columns are left out of both.
alter table audit_table add column update_granularity text not null default 'row'
    check (update_granularity in ('row', 'statement'));

create function audit_update_rows() returns trigger language plpgsql as $$
declare
    key_columns    text[] := tg_argv[0]::text[];
    hidden_columns text[] := tg_argv[1]::text[];
    group_columns  text[] := coalesce(tg_argv[2], '{}')::text[];
    join_on        text;
    key_expr       text;
    group_by       text   := '';
    unpaired       bigint;
begin
    -- rows are paired by their key: with = where the key columns are all not null (tg_argv[3], a hash join on the
    -- columns themselves), else as a jsonb array, which is equal for equal nulls and still hashable (never the
    -- null-safe IS NOT DISTINCT FROM: 20,000 × 20,000 comparisons). A statement that changes a key cannot be paired,
    -- and is refused rather than half recorded.
    if tg_argv[3] = 'not null' then
        select string_agg(format('o.%1$I = n.%1$I', k), ' and ') into join_on from unnest(key_columns) k;
    else
        select format('jsonb_build_array(%s) = jsonb_build_array(%s)',
                      string_agg(format('o.%I', k), ', '), string_agg(format('n.%I', k), ', '))
        into join_on from unnest(key_columns) k;
    end if;
    execute format('select (select count(*) from audit_new_rows) - (select count(*) from audit_old_rows o join audit_new_rows n on %s)',
                   join_on) into unpaired;
    if unpaired <> 0 then
        raise exception '表 % 的键列（%）不能用 UPDATE 修改：其修改按语句审计，须按键配对新旧行', tg_table_name, key_columns;
    end if;
    if cardinality(group_columns) = 0 then
        key_expr := format('jsonb_build_object(%L, true, %L, count(*))', 'statement', 'rows');
    else
        select format('jsonb_build_object(%s)', string_agg(format('%L, n.%I', g, g), ', ')),
               'group by ' || string_agg(format('n.%I', g), ', ')
        into key_expr, group_by
        from unnest(group_columns) g;
    end if;
    execute format($f$
        insert into audit_log (actor, actor_name, actor_region, via, table_name, row_key, op, old, new, tx_id)
        select $1, $2, $3, $4, %L, %s, 'UPDATE', json_agg(%s order by %s), json_agg(%s order by %s), $6
          from audit_old_rows o join audit_new_rows n on %s
         where o.* is distinct from n.* %s having count(*) > 0$f$,
        tg_table_name, key_expr,
        -- to_json of the row as it is, unless columns are to be left out (jsonb minus them: slower, so only then)
        case when cardinality(hidden_columns) = 0 then 'to_json(o)' else '(to_jsonb(o) - $5)::json' end,
        (select string_agg(format('n.%I', k), ', ') from unnest(key_columns) k),
        case when cardinality(hidden_columns) = 0 then 'to_json(n)' else '(to_jsonb(n) - $5)::json' end,
        (select string_agg(format('n.%I', k), ', ') from unnest(key_columns) k),
        join_on, group_by)
        using coalesce(nullif(current_setting('anju.actor', true), ''), 'db:' || session_user),
              nullif(current_setting('anju.actor_name', true), ''),
              nullif(current_setting('anju.region', true), ''),
              coalesce(nullif(current_setting('anju.via', true), ''), 'SYSTEM'),
              hidden_columns,
              pg_current_xact_id()::text::bigint;
    return null;
end
$$;

-- Switches an audited table (granularity 'statement') to record its updates per statement too.
create function audit_updates_per_statement(target regclass) returns void language plpgsql as $$
declare
    t audit_table;
begin
    select * into t from audit_table where table_name = (select c.relname from pg_class c where c.oid = target);
    if t is null or not t.audited or t.granularity <> 'statement' then
        raise exception '表 % 须先以 audit_enable(…, granularity => ''statement'') 审计', target;
    end if;
    execute format('drop trigger if exists audit_update on %s', target);
    execute format('create trigger audit_update after update on %s referencing old table as audit_old_rows '
                   'new table as audit_new_rows for each statement execute function audit_update_rows(%L, %L, %L, %L)',
                   target, t.key_columns, t.hidden_columns, t.group_columns,
                   case when (select bool_and(a.attnotnull) from pg_attribute a
                               where a.attrelid = target and a.attname = any (t.key_columns))
                        then 'not null' else 'nullable' end);
    update audit_table set update_granularity = 'statement' where table_name = t.table_name;
end
$$;
