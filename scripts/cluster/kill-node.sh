#!/usr/bin/env bash
# kill -9 one app node (A or B): no shutdown hook, no graceful anything — a crashed machine.
source "$(dirname "$0")/common.sh"
name="${1:?用法 usage: kill-node.sh A|B}"
node_port "$name" >/dev/null
lower="$(echo "$name" | tr 'AB' 'ab')"
if pid="$(alive_pid "node-$lower")"; then
  kill -KILL "$pid"
  # returns once the process is gone (a zombie counts: common.sh), so that what follows sees the crash complete
  for _ in $(seq 100); do alive_pid "node-$lower" >/dev/null || break; sleep 0.1; done
  echo "killed node $name (pid $pid, kill -9)"
else
  echo "节点 $name 没有在运行（在 $WORK 中查找；若 up.sh 时设了 ANJU_CLUSTER_DIR，这里须设同一个）" >&2
  exit 1
fi
