#!/usr/bin/env bash
# Starts the replica again; it catches up from its replication slot and the nodes read from it once it is level.
source "$(dirname "$0")/common.sh"
if [ ! -d "$REPLICA_DIR" ]; then
  echo "在 $WORK 没有副本：集群由 up.sh 建立；若 up.sh 时设了 ANJU_CLUSTER_DIR，这里须设同一个" >&2
  exit 2
fi
if as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; then
  echo "副本已在运行" >&2
  exit 0
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$LOGS/replica.log" -w start; then
  echo "副本没有启动：见 $LOGS/replica.log" >&2
  exit 3
fi
