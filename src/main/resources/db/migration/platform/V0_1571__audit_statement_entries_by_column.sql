-- Bulk rows' audit entries (granularity 'statement', V0_2) are written one JSON array per column instead of one JSON
-- object per row (issue 15, seventh session):
--
--     before: [{"id": 1, "name": "甲", "value": 10.5}, {"id": 2, "name": "乙", "value": 7}]
--     now:    [["id", "name", "value"], [1, 2], ["甲", "乙"], [10.5, 7]]
--
-- the column names first, then each column's values, the i-th value of every column being the i-th row. Nothing is
-- left out: the same rows, the same columns (hidden ones still left out), each value written as to_json writes it.
-- Why: to_json(r) per row looks up the row's type and every column's output function again for each row; json_agg
-- over one column looks them up once. A national plan's 48,165 targets: the entry's JSON built and stored in ~90 ms
-- instead of ~180 ms (scratch PostgreSQL 15), 2.6 MB of text instead of 6.7 MB, 252 KB stored instead of 833 KB;
-- the import's database CPU −75 ms (docs/PERFORMANCE.md, seventh session).
--
-- The two layouts are told apart by the array's first element: an array (the names) now, an object (a row) before.
-- Entries written before stay as they are (the log is append-only) and are read as before; readers take both
-- (org.anju.account.StatementRows). json_agg over one column sees the rows in the same order as every other
-- aggregate of the same query (one aggregation step per input row, no ORDER BY or DISTINCT inside), so the columns
-- line up. Updates recorded per statement (V0_3) keep their layout: arrays of row objects, old and new paired by index.
create or replace function audit_rows() returns trigger language plpgsql as $$
declare
    key_columns    text[]  := tg_argv[0]::text[];
    hidden_columns text[]  := tg_argv[1]::text[];
    per_statement  boolean := tg_argv[2] = 'statement';
    group_columns  text[]  := coalesce(tg_argv[3], '{}')::text[];
    key_expr       text;
    row_expr       text;
    columns        int;
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
        select count(*),
               format('json_build_array(json_build_array(%s), %s)',
                      string_agg(quote_literal(a.attname), ', ' order by a.attnum),
                      string_agg(format('json_agg(r.%I)', a.attname), ', ' order by a.attnum))
        into columns, row_expr
        from pg_attribute a
        where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped and a.attname <> all (hidden_columns);
        if columns = 0 or columns > 99 then
            -- json_build_array takes at most 100 arguments: a table this wide keeps the row layout
            row_expr := format('json_agg(%s)',
                               case when cardinality(hidden_columns) = 0 then 'to_json(r)' else '(to_jsonb(r) - $5)::json' end);
        end if;
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
