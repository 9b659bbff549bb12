#!/usr/bin/env bash
# Starts the replica again; it catches up from its replication slot and the nodes read from it once it is level.
source "$(dirname "$0")/common.sh"
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$LOGS/replica.log" -w start
