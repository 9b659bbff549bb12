#!/usr/bin/env bash
# Month-end load test (issue 15), step 3: what the database holds after the run, unit by unit.
#
#   scripts/load/verify.sh [--fixture target/load]
#
# For every unit of the fixture (reporters.csv) and the fixture's month: exactly one report (none lost, no duplicate
# row), submitted or approved, holding exactly the figures of the reporter's last save (three items: the first of two
# saves also filled a fourth, which the last save cleared), one SAVE event per accepted save (the stale tab's refused
# save left none), exactly one SUBMIT; approvals by the unit's own administrator only, and every approval the inbox
# answered as done stored (the simulation's approved.csv); each counted report's figures in the unit's progress facts,
# and every region's roll-up of the month the sum of its subtree's facts (what the dashboards show). Exit 1 when
# anything differs or the database cannot be read. The database: see scripts/load/common.sh.
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
# the approvals the inbox answered as done (written by the simulation at its end); none without a run
[ -f approved.csv ] || echo "（没有 approved.csv：不核对审核应答）"
# psql stops at the first failed check with exit 3: said as the 1 this script documents
psql_q -v period="$PERIOD" <<'SQL' || exit 1
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
-- what the run's answers promised and the database must hold beyond the reports (load review, sixteenth session: an
-- approval answered 已审核通过 but not stored, and a submission that never reached the roll-ups, passed before)
create temp table approved (region text);
\copy approved from program 'cat approved.csv 2>/dev/null || true' with (format csv, header)
create temp table beyond as
select (select count(*) from approved a left join seen s on s.region = a.region
         where s.status is distinct from 'APPROVED' or s.approvals <> 1) as approved_not_stored,
       (select count(*) from (select region from approved group by region having count(*) > 1) d) as approved_twice,
       (select count(*) from seen s where s.status in ('SUBMITTED', 'APPROVED') and exists (
            select 1 from report_value v
            left join progress_fact f on f.region_id = s.unit_id and f.period = (:'period' || '-01')::date
                 and f.indicator_id = v.indicator_id and f.source = v.source
            where v.report_id = s.report_id and f.value is distinct from v.value)) as facts_differ,
       (with f as (select a.ancestor_id as region_id, f.indicator_id, f.source, sum(f.value) as v
                   from progress_fact f join region_ancestor a on a.region_id = f.region_id
                   where f.period = (:'period' || '-01')::date group by 1, 2, 3),
             r as (select region_id, indicator_id, source, value from progress_rollup
                   where period = (:'period' || '-01')::date)
        select count(*) from f full join r using (region_id, indicator_id, source)
        where coalesce(f.v, 0) <> coalesce(r.value, 0)) as rollups_differ;
select (select count(*) from approved) as "approvals answered", approved_not_stored as "answered, not stored",
       approved_twice as "answered twice", facts_differ as "reports not in the facts",
       rollups_differ as "roll-ups not their facts' sum"
from beyond;
do $$ begin
    if exists (select 1 from seen where report_id is null or rows > 1 or status not in ('SUBMITTED', 'APPROVED')
               or values <> 3 or right_values <> 3 or saves <> 1 + twice or submits <> 1 or approvals > 1
               or (approvals = 1 and approvers <> own_admin))
       or exists (select 1 from beyond where approved_not_stored + approved_twice + facts_differ + rollups_differ > 0) then
        raise exception 'verification failed: see the rows above';
    end if;
end $$;
\echo verification passed: one report per unit, each submitted or approved, holding the figures of the last save; every approval answered stored; the facts and roll-ups agree
SQL
