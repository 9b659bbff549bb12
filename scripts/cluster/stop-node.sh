#!/usr/bin/env bash
# Stop one app node (A or B) gracefully, as an upgrade's step 2 does (README 运维 / 升级): SIGTERM — readiness turns
# OUT_OF_SERVICE, the balancer takes the node out within ANJU_SHUTDOWN_DRAIN, running requests finish — and wait until
# the process has ended. kill-node.sh is the crash (kill -9); start-node.sh starts the node again (ANJU_CLUSTER_JAR:
# with another jar).
source "$(dirname "$0")/common.sh"
name="${1:?用法 usage: stop-node.sh A|B}"
node_port "$name" >/dev/null
lower="$(echo "$name" | tr 'AB' 'ab')"
if ! pid="$(alive_pid "node-$lower")"; then
  echo "节点 $name 没有在运行（在 $WORK 中查找；若 up.sh 时设了 ANJU_CLUSTER_DIR，这里须设同一个）" >&2
  exit 1
fi
kill -TERM "$pid"
deadline=$((SECONDS + ${ANJU_CLUSTER_STOP_TIMEOUT:-60}))
while alive_pid "node-$lower" >/dev/null; do   # ended, or a zombie nobody reaps (common.sh)
  if [ $SECONDS -ge $deadline ]; then
    echo "节点 $name（pid $pid）在 ${ANJU_CLUSTER_STOP_TIMEOUT:-60} 秒内没有停下：看 $LOGS/node-$lower.log，或用 kill-node.sh $name" >&2
    exit 1
  fi
  sleep 0.5
done
echo "stopped node $name (pid $pid, SIGTERM, $((SECONDS)) s)"
