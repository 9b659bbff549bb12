#!/usr/bin/env bash
# (Re)starts one app node (A or B) against the running databases, e.g. after kill-node.sh.
source "$(dirname "$0")/common.sh"
name="${1:?用法 usage: start-node.sh A|B}"
lower="$(echo "$name" | tr 'AB' 'ab')"
if alive_pid "node-$lower" >/dev/null; then
  echo "节点 $name 已在运行" >&2
  exit 1
fi
start_node "$name"
wait_node "$name"
echo "node $name up on 127.0.0.1:$(node_port "$name"), log $LOGS/node-$lower.log"
