#!/usr/bin/env bash
# Stops what up.sh started: haproxy, both app nodes, the replica and the primary (their files stay under
# $ANJU_CLUSTER_DIR for reading the logs; up.sh starts afresh).
source "$(dirname "$0")/common.sh"

stopped=0
stop_pid() {
  local name="$1" pid
  if pid="$(alive_pid "$name")"; then
    stopped=$((stopped + 1))
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    echo "stopped $name ($pid)"
  fi
  rm -f "$RUN/$name.pid"
}
stop_pid haproxy
stop_pid node-a
stop_pid node-b
for dir in "$REPLICA_DIR" "$PRIMARY_DIR"; do
  if [ -f "$dir/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    echo "stopped $(basename "$dir")"
    stopped=$((stopped + 1))
  fi
done
if [ "$stopped" = 0 ]; then
  echo "在 $WORK 没有找到运行中的集群：若 up.sh 时设了 ANJU_CLUSTER_DIR，停止时须设同一个（ANJU_CLUSTER_DIR=… scripts/cluster/down.sh）" >&2
fi
if [ -d "$LOGS" ]; then
  echo "日志 logs: $LOGS"
fi
