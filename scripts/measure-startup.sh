#!/usr/bin/env bash
# Start-up of Anju, measured (issue 15; figures in docs/PERFORMANCE.md "Start-up and footprint"):
#   (a) the web app from `java -jar` to the first answered request (GET /login → 200), database already initialised;
#   (b) a command end to end: `plan import --dry-run` of seed 001 (the Jiangxi plan table), database initialised.
# Each both ways: plain `java -jar target/anju-*.jar …` and scripts/anju (extracted jar + Java AOT cache + the command
# line's Spring AOT). Prints every run's wall time and CPU time (user+sys of the JVM), the median, and the load average.
#
#   scripts/measure-startup.sh [RUNS]          # default 5 runs each; ANJU_JAR, JAVA_HOME, PORT (default 18090)
#   ANJU_STARTUP_TRACE=1 scripts/measure-startup.sh 1   # also where the time goes (-Danju.startup.trace=true)
#   ANJU_MEASURE=cli scripts/measure-startup.sh 5       # (b) only: no web app, minutes less on a busy machine
#
# Works in a temporary directory (its own data directories and cache), removed at the end.
set -euo pipefail

case "${1:-}" in
  -h|--help)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 0 ;;
esac
runs="${1:-5}"
case "$runs" in
  ''|*[!0-9]*|0) echo "次数“$runs”无效：应为正整数（每种方式运行几次），如 scripts/measure-startup.sh 5；--help 看用法" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "$0")" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="${ANJU_JAR:-$(ls "$here"/../target/anju-*.jar | grep -v -- '-plain\.jar$' | head -n 1)}"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
seed="$here/../src/main/resources/seeds/001_bc1ecb836366de7f.txt"
port="${PORT:-18090}"
work="$(mktemp -d /tmp/anju-measure.XXXXXX)"
# on exit (also on an error or ^C) stop the web app: $web is /usr/bin/time (or scripts/anju), the JVM its child — killing
# $web alone would leave the JVM running, so its children first, then itself
stop_web() {
  [ -n "${web:-}" ] || return 0
  pkill -TERM -P "$web" 2>/dev/null || true
  kill "$web" 2>/dev/null || true
  wait "$web" 2>/dev/null || true
}
trap 'stop_web; rm -rf "$work"' EXIT
trace=()
[ -n "${ANJU_STARTUP_TRACE:-}" ] && trace=(-Danju.startup.trace=true)
export ANJU_CACHE_DIR="$work/cache"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
cpu() { tail -n 1 "$1" | awk '{printf "%d", ($1 + $2) * 1000}'; }   # /usr/bin/time's "%U %S" in ms

echo "jar: $jar ($(stat -c %s "$jar") bytes), $("$java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

wait_up() {   # $1: the app's pid, $2: its log — until it answers; gives up when it stopped or after 300 s
  local waited=0
  until curl -sf -m 5 -o /dev/null "http://localhost:$port/login"; do
    kill -0 "$1" 2>/dev/null || { echo "应用已退出，未能启动（日志 $2 末尾）：" >&2; tail -n 30 "$2" >&2; exit 1; }
    [ "$waited" -ge 600 ] && { echo "应用 300 秒内没有应答 http://localhost:$port/login（日志 $2 末尾）：" >&2; tail -n 30 "$2" >&2; exit 1; }
    sleep 0.5; waited=$((waited + 1))
  done
}

# the databases: one with the demo data (web), one as a fresh installation has it (commands; no plan yet, so the dry
# run of seed 001 previews the whole table instead of refusing an existing plan)
only_cli=""
[ "${ANJU_MEASURE:-}" = cli ] && only_cli=1
echo "preparing data directories …"
if [ -z "$only_cli" ]; then
ANJU_DATA_DIR="$work/web-data" PORT="$port" "$java" -jar "$jar" >"$work/init.log" 2>&1 &
web=$!
wait_up "$web" "$work/init.log"
sleep 20   # the demo data is loaded after the first answer: let it finish
kill "$web"; wait "$web" || true
web=""
fi
# its "已生成个人信息加密密钥" warning belongs to this throw-away directory, not to the report (trial, fifteenth session)
ANJU_DATA_DIR="$work/cli-data" "$java" -jar "$jar" plan list >/dev/null 2>"$work/cli-prepare.log" \
  || { echo "准备命令的数据目录失败：" >&2; cat "$work/cli-prepare.log" >&2; exit 1; }

web_once() {   # $@: the launcher; prints "wall cpu" in ms
  local s e
  s=$(now)
  ANJU_DATA_DIR="$work/web-data" PORT="$port" /usr/bin/time -f "%U %S" -o "$work/time" "$@" >"$work/web.log" 2>&1 &
  web=$!
  until curl -sf -m 5 -o /dev/null "http://localhost:$port/login"; do
    kill -0 "$web" 2>/dev/null || { echo "the web app stopped:" >&2; tail -n 30 "$work/web.log" >&2; exit 1; }
    sleep 0.02
  done
  e=$(now)
  pkill -TERM -P "$web" java 2>/dev/null || true   # the JVM under /usr/bin/time (or under scripts/anju's exec)
  wait "$web" || true
  echo "$(ms "$s" "$e") $(cpu "$work/time")"
}

cli_once() {
  local s e
  s=$(now)
  ANJU_DATA_DIR="$work/cli-data" /usr/bin/time -f "%U %S" -o "$work/time" "$@" plan import --dry-run "$seed" \
      >"$work/cli.out" 2>"$work/cli.err" || { cat "$work/cli.err" >&2; exit 1; }
  e=$(now)
  echo "$(ms "$s" "$e") $(cpu "$work/time")"
}

report() {   # $1: label; stdin: "wall cpu" lines
  local lines
  lines="$(cat)"
  printf '%-52s wall median %6s ms (runs: %s)   cpu median %6s ms\n' "$1" \
      "$(cut -d' ' -f1 <<<"$lines" | median)" "$(cut -d' ' -f1 <<<"$lines" | tr '\n' ' ' | sed 's/ $//')" \
      "$(cut -d' ' -f2 <<<"$lines" | median)"
}

# the launcher's first runs make its caches (the extracted jar, then the AOT caches); not counted
ANJU_DATA_DIR="$work/cli-data" "$here/anju" plan import --dry-run "$seed" >/dev/null 2>&1
if [ -z "$only_cli" ]; then
ANJU_DATA_DIR="$work/web-data" PORT="$port" "$here/anju" >"$work/web-train.log" 2>&1 &
web=$!
wait_up "$web" "$work/web-train.log"
pkill -TERM -P "$web" java 2>/dev/null || kill "$web"; wait "$web" || true
web=""

for i in $(seq "$runs"); do web_once "$java" "${trace[@]}" -jar "$jar"; done | report "(a) web, java -jar"
for i in $(seq "$runs"); do web_once "$here/anju"; done | report "(a) web, scripts/anju (AOT cache)"
fi
for i in $(seq "$runs"); do cli_once "$java" "${trace[@]}" -jar "$jar"; done | report "(b) plan import --dry-run, java -jar"
for i in $(seq "$runs"); do JAVA_OPTS="${trace[*]}" cli_once "$here/anju"; done | report "(b) plan import --dry-run, scripts/anju"
[ -n "${ANJU_STARTUP_TRACE:-}" ] && { echo "--- last command's trace:"; cat "$work/cli.err"; }
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
