#!/usr/bin/env bash
# Month-end load test (issue 15), step 1: the fixture, against a running app's database.
#
#   scripts/load/prepare.sh [--reporters 3000] [--viewers 30] [--period 2026-11] [--out target/load] [--jar target/anju-*.jar]
#
# Creates, for the first N county-level reporting units (县级/开发区/市本级, by code, below a province or prefecture):
#   load-r-<unit code>   县级填报员 of the unit
#   load-a-<parent code> the administrator directly above (市级管理员 of its prefecture, 省级管理员 of its province):
#                        the one who approves the unit's report (Access.canApprove)
#   load-v-<province>    查看/审计 of a province (the first --viewers provinces of those units)
# all with one password. Hashing 3,400 passwords with bcrypt one by one would take minutes of CPU, so the app's own
# `user add` (its encoder, its cost) creates one template account, and the load accounts are inserted in one SQL
# transaction with the template's hash — a real bcrypt hash the app verifies at every login (the same salt for all:
# acceptable for throw-away test accounts, never for people). The insert goes through the audit trail as actor
# load-prepare, via CLI. Re-running updates the accounts (same names) and picks a month without reports.
#
# The month: --period, else the latest month before this one (Beijing time) in which none of the units has a report
# (a month already reported cannot be reported again; going back keeps every run on a clean month).
# The database: see scripts/load/common.sh (ANJU_DB_URL… or ANJU_DATA_DIR). Writes OUT/{reporters,admins,viewers}.csv
# and OUT/fixture.properties (period, password; owner-only) for run.sh.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
usage() { sed -n '2,/^[^#]/p' "$SELF" | sed '$d' | sed 's/^# \{0,1\}//'; }
cd "$(dirname "$0")/../.."
. scripts/load/common.sh

REPORTERS=3000 VIEWERS=30 PERIOD="" OUT=target/load JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reporters) REPORTERS="$2"; shift 2 ;;
    --viewers) VIEWERS="$2"; shift 2 ;;
    --period) PERIOD="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "未知选项 $1（scripts/load/prepare.sh --help 列出可用选项）" >&2; exit 2 ;;
  esac
done
case "$REPORTERS$VIEWERS" in *[!0-9]*) echo "--reporters 和 --viewers 须是整数（账号个数），如 --reporters 3000" >&2; exit 2 ;; esac
if [ -n "$PERIOD" ] && ! [[ "$PERIOD" =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]]; then
  echo "--period 须是月份，写作 2026-11，收到的是 $PERIOD" >&2; exit 2
fi
[ -n "$JAR" ] || JAR="$(ls target/anju-*.jar 2>/dev/null | grep -v original | head -1 || true)"
[ -f "$JAR" ] || { echo "找不到应用的 jar：请先构建（./mvnw -q package -DskipTests），或用 --jar 文件 指定" >&2; exit 2; }
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"   # the jar needs Java 25; the default java may be older
[ -x "$JAVA" ] || JAVA="$(command -v java)"
load_db_env
mkdir -p "$OUT"; chmod 700 "$OUT"

# one password for every load account (kept in OUT for re-runs against the same database; rm -r OUT for a new one)
REUSED=false
if [ -f "$OUT/fixture.properties" ] && grep -q '^password=' "$OUT/fixture.properties"; then
  PASSWORD="$(sed -n 's/^password=//p' "$OUT/fixture.properties")"; REUSED=true
else
  PASSWORD="Load$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 12)7"
fi

started=$(date +%s.%N)
# the template, by the app's own user creation (or its password reset when it exists with another password)
if [ "$(psql_q -At -c "select count(*) from users where username = 'load-template'")" = 0 ]; then
  nation="$(psql_q -At -c "select code from region where kind = 'NATION'")"
  echo "$PASSWORD" | "$JAVA" -jar "$JAR" user add --username load-template --name 压测模板账号 --region "$nation" \
    --role VIEWER --password-stdin
elif [ "$REUSED" = false ]; then
  echo "$PASSWORD" | "$JAVA" -jar "$JAR" user password load-template --password-stdin
fi
(umask 077; printf 'password=%s\n' "$PASSWORD" > "$OUT/fixture.properties")
templated=$(date +%s.%N)

(cd "$OUT" && psql_q -v reporters="$REPORTERS" -v viewers="$VIEWERS" -v period="$PERIOD" <<'SQL'
begin;
select set_config('anju.actor', 'load-prepare', true) as actor, set_config('anju.via', 'CLI', true) as via \gset
create temp table load_unit on commit drop as
select u.id, u.code, u.name, p.id as parent_id, p.code as parent_code, p.kind as parent_kind
from region u join region p on p.id = u.parent_id
where u.kind in ('COUNTY', 'DEV_ZONE', 'CITY_LEVEL') and p.kind in ('PREFECTURE', 'PROVINCE')
order by u.code
limit :reporters;
-- the template only lends its hash: it never signs in; accounts of an earlier, larger fixture stay off
update users set enabled = false where username like 'load-%' and enabled;
insert into users (username, display_name, password_hash, region_id, roles, created_by)
select 'load-r-' || lower(code), left(name || '填报员（压测）', 60),
       (select password_hash from users where username = 'load-template'), id, '{COUNTY_REPORTER}', 'load-prepare'
from load_unit
on conflict (username) do update set password_hash = excluded.password_hash, enabled = true,
    region_id = excluded.region_id, roles = excluded.roles;
insert into users (username, display_name, password_hash, region_id, roles, created_by)
select distinct 'load-a-' || lower(p.code), left(p.name || '管理员（压测）', 60),
       (select password_hash from users where username = 'load-template'), p.id,
       case when p.kind = 'PROVINCE' then '{PROVINCE_ADMIN}'::text[] else '{CITY_ADMIN}'::text[] end, 'load-prepare'
from load_unit u join region p on p.id = u.parent_id
on conflict (username) do update set password_hash = excluded.password_hash, enabled = true,
    region_id = excluded.region_id, roles = excluded.roles;
insert into users (username, display_name, password_hash, region_id, roles, created_by)
select 'load-v-' || lower(v.code), left(v.name || '查看员（压测）', 60),
       (select password_hash from users where username = 'load-template'), v.id, '{VIEWER}', 'load-prepare'
from (select distinct a.id, a.code, a.name from load_unit u join region_ancestor ra on ra.region_id = u.id
      join region a on a.id = ra.ancestor_id where a.kind = 'PROVINCE' order by a.code limit :viewers) v
on conflict (username) do update set password_hash = excluded.password_hash, enabled = true,
    region_id = excluded.region_id, roles = excluded.roles;
-- the month: as given, else the latest one before this month in which none of the units has a report
create temp table load_month on commit drop as
select coalesce(nullif(:'period', ''), (
    select to_char(m, 'YYYY-MM') from generate_series(
        date_trunc('month', (now() at time zone 'Asia/Shanghai')) - interval '1 month',
        date '1990-01-01', interval '-1 month') m
    where not exists (select 1 from report r join load_unit u on u.id = r.region_id
                      where r.period = m::date)
    limit 1)) as period;
do $$ begin
    if exists (select 1 from report r join load_unit u on u.id = r.region_id
               join load_month m on r.period = (m.period || '-01')::date) then
        raise exception '所选月份已有这些单位的月报（一个月只能上报一次）：换一个月份（--period），或不指定由脚本选择';
    end if;
end $$;
\copy (select period from load_month) to '.period'
\copy (select 'load-r-' || lower(code) as username, code as region, 100 + id % 900 as households, 50 + id % 400 as online, round((100 + id % 900) * 0.06, 2) as amount, case when id % 2 = 0 then 1 else 0 end as twice, case when id % 50 = 0 then 1 else 0 end as stale from load_unit order by code) to 'reporters.csv' with (format csv, header)
\copy (select distinct 'load-a-' || lower(parent_code) as username, parent_code as region from load_unit order by 1) to 'admins.csv' with (format csv, header)
\copy (select u.username, r.code as region from users u join region r on r.id = u.region_id where u.username like 'load-v-%' and u.enabled order by r.code) to 'viewers.csv' with (format csv, header)
commit;
SQL
)
PERIOD="$(cat "$OUT/.period")"; rm -f "$OUT/.period"
if [ -z "$PERIOD" ]; then echo "这些单位没有哪个月份还未上报月报：用 --period 指定月份，或换一个新数据库" >&2; exit 1; fi
umask 077
printf 'period=%s\npassword=%s\n' "$PERIOD" "$PASSWORD" > "$OUT/fixture.properties"
done_at=$(date +%s.%N)
count() { echo $(( $(wc -l < "$OUT/$1") - 1 )); }
echo "fixture in $OUT: $(count reporters.csv) reporters, $(count admins.csv) administrators, $(count viewers.csv) viewers; month $PERIOD"
printf 'template account (java -jar … user add/password, JVM start included): %.1f s; accounts by SQL: %.1f s\n' \
  "$(echo "$templated - $started" | bc)" "$(echo "$done_at - $templated" | bc)"
