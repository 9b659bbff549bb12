#!/usr/bin/env bash
# Month-end load test (issue 15), step 2: Gatling against a running app, then the database check.
#
#   scripts/load/run.sh [--base-url http://127.0.0.1:8080] [--fixture target/load] [--ramp 480] [--duration 600]
#
# --base-url: the load balancer of scripts/cluster (or one node); loopback only — this is a test of our own machine,
#   never of someone else's server. --ramp: seconds over which the reporters of the fixture arrive; --duration:
#   seconds the administrators and viewers keep working (then one last inbox sweep). The run ends by itself
#   (Gatling's maxDuration: the longer of the two + 4 minutes at most).
# Afterwards: scripts/load/verify.sh (exit 1 when a report is lost, doubled or holds other figures) and a table of
# p50/p95/p99 per request kind and per minute from Gatling's report (target/gatling/…/index.html) for docs/PERFORMANCE.md.
# Exit status: Gatling's (its assertions: no failed request, every reporter submitted), else verify's.
set -uo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
usage() { sed -n '2,/^[^#]/p' "$SELF" | sed '$d' | sed 's/^# \{0,1\}//'; }
cd "$(dirname "$0")/../.."
BASE_URL="${ANJU_LOAD_BASE_URL:-http://127.0.0.1:8080}" FIXTURE=target/load RAMP=480 DURATION=600
while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) BASE_URL="$2"; shift 2 ;;
    --fixture) FIXTURE="$2"; shift 2 ;;
    --ramp) RAMP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "未知选项 $1（scripts/load/run.sh --help 列出可用选项）" >&2; exit 2 ;;
  esac
done
case "$BASE_URL" in
  http://127.0.0.1[:/]*|http://127.0.0.1|http://localhost[:/]*|http://localhost|http://\[::1\]*) ;;
  *) echo "--base-url 只能是本机（127.0.0.1、localhost、[::1]），不能是 $BASE_URL：压测只对自己的机器做" >&2; exit 2 ;;
esac
case "$RAMP$DURATION" in *[!0-9]*) echo "--ramp 和 --duration 须是秒数（整数），如 --ramp 480" >&2; exit 2 ;; esac
[ -f "$FIXTURE/fixture.properties" ] || { echo "$FIXTURE 下没有压测账号（fixture.properties）：请先运行 scripts/load/prepare.sh" >&2; exit 2; }
FIXTURE="$(cd "$FIXTURE" && pwd)"
[ -n "${JAVA_HOME:-}" ] || { [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; }

echo "load: $(($(wc -l < "$FIXTURE/reporters.csv") - 1)) reporters over ${RAMP}s, administrators and viewers for ${DURATION}s, against $BASE_URL"
start=$(date -u +%FT%TZ)
rm -f "$FIXTURE/approved.csv"   # the simulation writes this run's at its end (verify.sh: every approval answered stored)
./mvnw -q -Pload test-compile gatling:test -Dload.baseUrl="$BASE_URL" -Dload.fixture="$FIXTURE" \
  -Dload.ramp="$RAMP" -Dload.duration="$DURATION"
gatling=$?
echo "started $start, ended $(date -u +%FT%TZ); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
report="$(ls -dt target/gatling/monthendsimulation-* 2>/dev/null | head -1)"
[ -n "$report" ] && python3 scripts/load/summary.py "$report"
scripts/load/verify.sh --fixture "$FIXTURE"
verified=$?
[ $gatling -ne 0 ] && { echo "Gatling 的断言未通过（退出码 $gatling）：有失败的请求，或有填报员未上报；见上面 Gatling 的输出和报告" >&2; exit $gatling; }
exit $verified
