#!/usr/bin/env bash
# Stops the streaming replica (fast shutdown): the nodes' reads fall back to the primary within a second or two.
source "$(dirname "$0")/common.sh"
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop
