#!/usr/bin/env bash
# Month-end load test (issue 15), step 3: what the database holds after the run, unit by unit.
#
#   scripts/load/verify.sh [--fixture target/load]
#
# For every unit of the fixture (reporters.csv) and the fixture's month: exactly one report (none lost, no duplicate
# row), submitted or approved, holding exactly the figures of the reporter's last save (three items: the first of two
# saves also filled a fourth, which the last save cleared), one SAVE event per accepted save (the stale tab's refused
# save left none), exactly one SUBMIT; approvals by the unit's own administrator only. Exit 1 when anything differs.
# The database: see scripts/load/common.sh.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
usage() { sed -n '2,/^[^#]/p' "$SELF" | sed '$d' | sed 's/^# \{0,1\}//'; }
cd "$(dirname "$0")/../.."
. scripts/load/common.sh
FIXTURE=target/load
while [ $# -gt 0 ]; do
  case "$1" in
    --fixture) FIXTURE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "未知选项 $1（scripts/load/verify.sh --help 列出可用选项）" >&2; exit 2 ;;
  esac
done
PERIOD="$(sed -n 's/^period=//p' "$FIXTURE/fixture.properties")"
load_db_env
cd "$FIXTURE"
psql_q -v period="$PERIOD" <<'SQL'
create temp table fixture (username text, region text, households numeric, online numeric, amount numeric,
                           twice int, stale int);
\copy fixture from 'reporters.csv' with (format csv, header)
create temp table seen as
select f.*, u.id as unit_id, r.id as report_id, r.status, r.submitted_by, r.reviewed_by,
       (select count(*) from report r2 where r2.region_id = u.id and r2.period = (:'period' || '-01')::date) as rows,
       (select count(*) from report_value v where v.report_id = r.id) as values,
       (select count(*) from report_value v join indicator i on i.id = v.indicator_id where v.report_id = r.id and v.source = '' and (
            (i.program_code || '.' || i.stage_code || '.' || i.measure_code = 'RENTAL_SUBSIDY.ISSUE.HOUSEHOLD' and v.value = f.households)
         or (i.program_code || '.' || i.stage_code || '.' || i.measure_code = 'RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD' and v.value = f.online)
         or (i.program_code || '.' || i.stage_code || '.' || i.measure_code = 'RENTAL_SUBSIDY.ISSUE.YUAN_10K' and v.value = f.amount))) as right_values,
       (select count(*) from report_event e where e.report_id = r.id and e.action = 'SAVE') as saves,
       (select count(*) from report_event e where e.report_id = r.id and e.action = 'SUBMIT') as submits,
       (select count(*) from report_event e where e.report_id = r.id and e.action = 'APPROVE') as approvals,
       (select string_agg(distinct e.actor, ',') from report_event e where e.report_id = r.id and e.action = 'APPROVE') as approvers,
       'load-a-' || lower(p.code) as own_admin
from fixture f join region u on u.code = f.region join region p on p.id = u.parent_id
left join report r on r.region_id = u.id and r.period = (:'period' || '-01')::date;
\pset footer off
\echo 月份 :period
select count(*) as "units", count(report_id) as "reports",
       count(*) filter (where rows > 1) as "duplicate rows",
       count(*) filter (where report_id is null) as "lost",
       count(*) filter (where status = 'SUBMITTED') as "submitted",
       count(*) filter (where status = 'APPROVED') as "approved",
       count(*) filter (where status not in ('SUBMITTED', 'APPROVED')) as "other status",
       count(*) filter (where values <> 3 or right_values <> 3) as "wrong figures",
       count(*) filter (where saves <> 1 + twice) as "wrong save count",
       count(*) filter (where submits <> 1) as "not one submit",
       count(*) filter (where approvals > 1 or (approvals = 1 and approvers <> own_admin)) as "wrong approval"
from seen;
select region, status, values, right_values, saves, 1 + twice as expected_saves, submits, approvals, approvers
from seen
where report_id is null or rows > 1 or status not in ('SUBMITTED', 'APPROVED') or values <> 3 or right_values <> 3
   or saves <> 1 + twice or submits <> 1 or approvals > 1 or (approvals = 1 and approvers <> own_admin)
order by region limit 20;
do $$ begin
    if exists (select 1 from seen where report_id is null or rows > 1 or status not in ('SUBMITTED', 'APPROVED')
               or values <> 3 or right_values <> 3 or saves <> 1 + twice or submits <> 1 or approvals > 1
               or (approvals = 1 and approvers <> own_admin)) then
        raise exception 'verification failed: see the rows above';
    end if;
end $$;
\echo verification passed: one report per unit, each submitted or approved, holding the figures of the last save
SQL
