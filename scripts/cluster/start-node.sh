#!/usr/bin/env bash
# (Re)starts one app node (A or B) against the running databases, e.g. after kill-node.sh.
source "$(dirname "$0")/common.sh"
name="${1:?用法 usage: start-node.sh A|B}"
lower="$(echo "$name" | tr 'AB' 'ab')"
if alive_pid "node-$lower" >/dev/null; then
  echo "节点 $name 已在运行" >&2
  exit 1
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DIR" status >/dev/null 2>&1; then
  # the node would fail after its start timeout, advising to check ANJU_DB_URL (operator trial)
  echo "集群的主库没有在运行（$PRIMARY_DIR）：先运行 ${CLUSTER_ENV}scripts/cluster/up.sh（down.sh 之后须重新建立集群）" >&2
  exit 2
fi
start_node "$name"
wait_node "$name"
echo "node $name up on 127.0.0.1:$(node_port "$name"), log $LOGS/node-$lower.log"
