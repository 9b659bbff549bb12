# Shared settings of the loopback cluster scripts (sourced, not run). Everything lives under $ANJU_CLUSTER_DIR.
set -euo pipefail

# --help, and the arguments each script takes (sourced with the script's own "$@"): before anything is made or started
# (operator trial: up.sh --help built a whole cluster on the default ports, kill-node.sh without an argument said
# "line 4: 1: 用法 …")
cluster_usage() {
  # the script's header comment, then every setting the scripts read
  sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
  cat <<'USAGE'

设置（环境变量，均可不设）/ settings (environment, all optional):
  ANJU_CLUSTER_DIR            集群的全部文件（默认 target/cluster；以 root 运行且 postgres 用户进不去时改放 /tmp）；
                              up.sh 先清空它：只接受不存在的、空的或 up.sh 建过的目录
                              端口：up.sh 记在该目录的 ports 文件里，其余脚本未设端口时沿用
  ANJU_CLUSTER_PRIMARY_PORT   主库端口（默认 55432）        ANJU_CLUSTER_REPLICA_PORT  副本端口（默认 55433）
  ANJU_CLUSTER_NODE_A_PORT    节点 A（默认 18081）          ANJU_CLUSTER_NODE_B_PORT   节点 B（默认 18082）
  ANJU_CLUSTER_LB_PORT        haproxy（默认 18080）
  ANJU_CLUSTER_JAR            节点运行的 jar（默认 target/anju-*.jar；升级演练时换成另一个版本）
  ANJU_CLUSTER_JAVA_OPTS      节点的 JVM 选项（默认 -Xmx1g）
  ANJU_CLUSTER_DEMO           节点是否装入演示数据（默认 true）
  ANJU_CLUSTER_DRAIN          节点收到 SIGTERM 后继续应答的时间（默认 6s，haproxy 每 2 秒检查、3 次失败）
  ANJU_CLUSTER_MAX_LAG        副本落后多久即改读主库（默认 5s）
  ANJU_CLUSTER_START_TIMEOUT  等节点就绪的秒数（默认 300）   ANJU_CLUSTER_STOP_TIMEOUT  等节点停下的秒数（默认 60）
  ANJU_CLUSTER_PG_BIN         PostgreSQL 15 程序目录（默认 /usr/lib/postgresql/15/bin）
  ANJU_CLUSTER_PG_USER        以 root 运行时 PostgreSQL 所用的用户（默认 postgres）
  ANJU_CLUSTER_HAPROXY        haproxy 程序（默认 PATH 中的）
USAGE
}
case "${1:-}" in
  -h|--help) cluster_usage; exit 0 ;;
esac
case "$(basename "$0")" in
  kill-node.sh|start-node.sh|stop-node.sh)
    if [ $# -ne 1 ]; then
      echo "用法：$(basename "$0") A|B（节点名，一个）——收到 $# 个参数；$(basename "$0") --help 说明它做什么" >&2
      exit 2
    fi ;;
  *)
    if [ $# -ne 0 ]; then
      echo "$(basename "$0") 不接受参数（收到：$*）：设置用环境变量，$(basename "$0") --help 列出它们" >&2
      exit 2
    fi ;;
esac

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# PostgreSQL refuses to run as root: as root the servers (and their files) belong to a non-root user
PG_USER="${ANJU_CLUSTER_PG_USER:-postgres}"
# where the scripts say the cluster lives when it is not under target/ (ClusterIT reads it too)
WHERE_FILE="$REPO/target/cluster.where"
WORK="${ANJU_CLUSTER_DIR:-$REPO/target/cluster}"
if [ "$(id -u)" = 0 ]; then
  # the PostgreSQL user must reach its data directories: a checkout under /root (mode 700) is closed to it
  mkdir -p "$(dirname "$WORK")"
  if ! runuser -u "$PG_USER" -- test -x "$(dirname "$WORK")" 2>/dev/null; then
    if [ -n "${ANJU_CLUSTER_DIR:-}" ]; then
      echo "用户 $PG_USER 无法进入 $(dirname "$WORK")（ANJU_CLUSTER_DIR）：PostgreSQL 以该用户运行，须能访问其数据目录。" >&2
      echo "请把 ANJU_CLUSTER_DIR 设为 $PG_USER 可访问的目录（如 /tmp/anju-cluster），或放开上级目录的 x 权限" >&2
      exit 2
    fi
    WORK="/tmp/anju-cluster-$(printf '%s' "$REPO" | md5sum | cut -c1-8)"
    echo "注意：用户 $PG_USER 无法进入 $REPO/target（检出目录对它不可访问），集群改放在 $WORK" >&2
    echo "note: $PG_USER cannot reach $REPO/target; the cluster lives in $WORK (set ANJU_CLUSTER_DIR to choose)" >&2
    mkdir -p "$REPO/target"
    printf '%s\n' "$WORK" > "$WHERE_FILE"
  else
    rm -f "$WHERE_FILE"
  fi
fi
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
LOGS="$WORK/logs"
RUN="$WORK/run"
# up.sh marks the directories it made: it empties its directory before it builds, and must never empty another
# (operator trial: ANJU_CLUSTER_DIR pointed at a directory with other files, and up.sh deleted them all)
MARK="$WORK/.anju-cluster"
# the ports up.sh was given, for the other scripts of this cluster: unset, a script used the defaults, and a node
# restarted with only ANJU_CLUSTER_DIR logged in to whatever other cluster listened on 55432 (operator trial)
PORTS_FILE="$WORK/ports"
# (up.sh itself takes its settings or the defaults, as documented, and keeps them anew)
if [ -f "$PORTS_FILE" ] && [ "$(basename "$0")" != up.sh ]; then
  while IFS='=' read -r saved value; do
    case "$saved" in
      ANJU_CLUSTER_PRIMARY_PORT|ANJU_CLUSTER_REPLICA_PORT|ANJU_CLUSTER_NODE_A_PORT|ANJU_CLUSTER_NODE_B_PORT|ANJU_CLUSTER_LB_PORT)
        if [ -z "${!saved:-}" ]; then
          printf -v "$saved" '%s' "$value"
        fi ;;
    esac
  done < "$PORTS_FILE"
fi
# how to call the other scripts for this very cluster: with its directory when it is not the default one (down.sh
# without it looks in target/cluster, finds nothing and would leave this one running)
if [ -n "${ANJU_CLUSTER_DIR:-}" ]; then
  CLUSTER_ENV="ANJU_CLUSTER_DIR=$WORK "
else
  CLUSTER_ENV=""
fi

PG_BIN="${ANJU_CLUSTER_PG_BIN:-/usr/lib/postgresql/15/bin}"
PRIMARY_PORT="${ANJU_CLUSTER_PRIMARY_PORT:-55432}"
REPLICA_PORT="${ANJU_CLUSTER_REPLICA_PORT:-55433}"
NODE_A_PORT="${ANJU_CLUSTER_NODE_A_PORT:-18081}"
NODE_B_PORT="${ANJU_CLUSTER_NODE_B_PORT:-18082}"
LB_PORT="${ANJU_CLUSTER_LB_PORT:-18080}"
# a port written wrong stopped up.sh with pg_ctl's "could not start server / Examine the log output." (operator trial)
for setting in PRIMARY REPLICA NODE_A NODE_B LB; do
  var="${setting}_PORT"
  if ! [[ "${!var}" =~ ^[0-9]+$ ]] || [ "${!var}" -lt 1 ] || [ "${!var}" -gt 65535 ]; then
    echo "ANJU_CLUSTER_${setting}_PORT 的值“${!var}”不是端口号：写 1 到 65535 之间的整数" >&2
    exit 2
  fi
done
HAPROXY="${ANJU_CLUSTER_HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA" ] || JAVA="$(command -v java)"

PRIMARY_DIR="$WORK/pg-primary"
REPLICA_DIR="$WORK/pg-replica"

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$PG_USER" -- env PGPASSFILE="$WORK/pgpass" "$@"
  else
    env PGPASSFILE="$WORK/pgpass" "$@"
  fi
}

need_tools() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_basebackup" ] || missing+=("postgresql (15, $PG_BIN)")
  [ -x "$HAPROXY" ] || missing+=("haproxy")
  # the scripts wait for the nodes and the balancer with curl, and make the test cluster's secrets with openssl
  command -v curl >/dev/null 2>&1 || missing+=("curl")
  command -v openssl >/dev/null 2>&1 || missing+=("openssl")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "缺少 Debian 软件包：${missing[*]} —— .ci/run 会安装它们（apt-get install postgresql haproxy curl openssl）" >&2
    echo "missing Debian packages: ${missing[*]} — .ci/run installs them" >&2
    exit 3
  fi
}

# the pid in run/NAME.pid if that process is alive
alive_pid() {
  local f="$RUN/$1.pid"
  [ -f "$f" ] || return 1
  local pid; pid="$(cat "$f")"
  kill -0 "$pid" 2>/dev/null || return 1
  # a killed node that nobody reaps (a container whose first process reaps no orphans) stays a zombie: not running
  [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" != Z ] || return 1
  echo "$pid"
}

node_port() {
  case "$1" in
    A|a) echo "$NODE_A_PORT" ;;
    B|b) echo "$NODE_B_PORT" ;;
    *) echo "节点只能是 A 或 B（收到 $1）" >&2; exit 2 ;;
  esac
}

# start one app node (A or B) from the built jar (or ANJU_CLUSTER_JAR: another version, to try an upgrade), in the
# background; its log under logs/
start_node() {
  local name="$1" port; port="$(node_port "$name")"
  local lower; lower="$(echo "$name" | tr 'AB' 'ab')"
  local jar="${ANJU_CLUSTER_JAR:-}"
  if [ -n "$jar" ] && [ ! -f "$jar" ]; then
    echo "ANJU_CLUSTER_JAR 指向的文件不存在：$jar" >&2
    exit 2
  fi
  [ -z "$jar" ] || jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  [ -n "$jar" ] || jar="$(ls "$REPO"/target/anju-*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)"
  if [ -z "$jar" ]; then
    echo "没有找到 target/anju-*.jar：请先构建（./mvnw -q package -DskipTests），或用 ANJU_CLUSTER_JAR 指定 jar" >&2
    exit 2
  fi
  mkdir -p "$WORK/node-$lower" "$LOGS"
  # appended, not replaced: after kill-node.sh or a crash, the log of the run before is what tells what happened
  echo "==== $(date -u '+%F %T') UTC 启动节点 $name（$jar）====" >> "$LOGS/node-$lower.log"
  # each node's connections to the primary carry its name (pg_stat_activity.application_name: anju-node-a, -b);
  # the replica pools name themselves (anju-read, anju-replica-monitor)
  # shellcheck disable=SC2086
  ANJU_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/anju?ApplicationName=anju-node-$lower" \
  ANJU_DB_USER=anju ANJU_DB_PASSWORD="$(cat "$WORK/anju-password")" \
  ANJU_DB_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/anju" \
  ANJU_DB_REPLICA_MAX_LAG="${ANJU_CLUSTER_MAX_LAG:-5s}" \
  ANJU_DATA_KEY_FILE="$WORK/data-key" \
  ANJU_DATA_DIR="$WORK/node-$lower" \
  ANJU_TRUSTED_PROXIES=127.0.0.1/32 \
  ANJU_DEMO_ENABLED="${ANJU_CLUSTER_DEMO:-true}" \
  ANJU_SHUTDOWN_DRAIN="${ANJU_CLUSTER_DRAIN:-6s}" \
  ANJU_NODE_NAME="anju-node-$lower" \
  PORT="$port" \
    setsid nohup "$JAVA" ${ANJU_CLUSTER_JAVA_OPTS:--Xmx1g} -Dserver.address=127.0.0.1 -jar "$jar" \
      >> "$LOGS/node-$lower.log" 2>&1 < /dev/null &
  echo $! > "$RUN/node-$lower.pid"
}

# wait until the node answers (its login page), or fail with the end of its log
wait_node() {
  local name="$1" port; port="$(node_port "$name")"
  local lower; lower="$(echo "$name" | tr 'AB' 'ab')"
  local deadline=$((SECONDS + ${ANJU_CLUSTER_START_TIMEOUT:-300}))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
    if ! alive_pid "node-$lower" >/dev/null; then
      echo "节点 $name 启动失败，日志末尾（$LOGS/node-$lower.log）：" >&2
      tail -40 "$LOGS/node-$lower.log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "节点 $name 在时限内没有应答：$LOGS/node-$lower.log" >&2
      exit 1
    fi
    sleep 1
  done
}

# haproxy in front of both nodes (round robin, no stickiness), health-checked on readiness or the login page
start_balancer() {
  # readiness (Actuator, when the app has it) or the login page
  HEALTH=/login
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NODE_A_PORT/actuator/health/readiness")" = 200 ]; then
    HEALTH=/actuator/health/readiness
  fi
  echo "$HEALTH" > "$RUN/health-path"

  echo "== 负载均衡 haproxy (127.0.0.1:$LB_PORT, 轮询, 健康检查 $HEALTH)"
  # when no node is up, the balancer answers itself: in Chinese, not haproxy's English page
  printf 'HTTP/1.1 503 Service Unavailable\r\nCache-Control: no-cache\r\nConnection: close\r\nRetry-After: 30\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s\n' \
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>系统暂时无法访问</title></head><body><h1>系统暂时无法访问</h1><p>没有可用的应用节点（正在启动、重启或维护）。请稍后再试；长时间如此，请联系系统管理员。</p></body></html>' \
    > "$WORK/503.http"
  # a request whose body has not arrived within timeout http-request (below): the same, in Chinese
  printf 'HTTP/1.1 408 Request Time-out\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s\n' \
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求超时</title></head><body><h1>请求超时</h1><p>请求在 30 秒内没有传完，未作处理。请检查网络后重试。</p></body></html>' \
    > "$WORK/408.http"
  cat > "$WORK/haproxy.cfg" <<CFG
global
    log stdout format raw local0
    maxconn 4096

defaults
    mode http
    log global
    option httplog
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 120s
    timeout server 300s
    errorfile 503 $WORK/503.http
    errorfile 408 $WORK/408.http
    # a request goes to a node only once its body is here (up to the 16 KB buffer; larger bodies are passed on as they
    # come): a small body sent slowly — a bad line, or on purpose — holds a connection here, not one of the node's
    # request slots (RequestSlots, docs/SECURITY.md); one not complete within 30 s is answered 408
    option http-buffer-request
    timeout http-request 30s
    # idle kept-alive connections as before (without it they would fall back to http-request's 30 s)
    timeout http-keep-alive 120s

frontend anju
    bind 127.0.0.1:$LB_PORT
    default_backend anju_nodes

backend anju_nodes
    # round robin, no stickiness: consecutive requests of one session go to different nodes
    balance roundrobin
    option httpchk GET $HEALTH
    http-check expect status 200
    # a node at month-end load answers its probe slowly (it waits for a database connection like every request): a
    # 1 s check timeout with fall 2 took both nodes out under load and the balancer itself answered 503 (NOSRV).
    # A dead node still fails its check at once (connection refused), and a request sent to it is redispatched
    timeout check 5s
    # which node answered (tests and operators can see the alternation)
    http-response set-header X-Anju-Node %s
    server A 127.0.0.1:$NODE_A_PORT check inter 2s fall 3 rise 2
    server B 127.0.0.1:$NODE_B_PORT check inter 2s fall 3 rise 2
CFG
  "$HAPROXY" -c -q -f "$WORK/haproxy.cfg"
  setsid nohup "$HAPROXY" -db -f "$WORK/haproxy.cfg" > "$LOGS/haproxy.log" 2>&1 < /dev/null &
  echo $! > "$RUN/haproxy.pid"
  deadline=$((SECONDS + 30))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_PORT/login")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { echo "haproxy 没有应答：$LOGS/haproxy.log" >&2; exit 1; }
    sleep 0.5
  done
}
