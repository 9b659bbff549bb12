#!/usr/bin/env bash
# Stops the streaming replica (fast shutdown): the nodes' reads fall back to the primary within a second or two.
source "$(dirname "$0")/common.sh"
if [ ! -d "$REPLICA_DIR" ]; then
  echo "在 $WORK 没有副本：集群由 up.sh 建立；若 up.sh 时设了 ANJU_CLUSTER_DIR，这里须设同一个" >&2
  exit 2
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; then
  echo "副本已经停了（start-replica.sh 启动它）" >&2
  exit 0
fi
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop
