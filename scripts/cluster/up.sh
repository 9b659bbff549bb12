#!/usr/bin/env bash
# A loopback cluster of Anju: a PostgreSQL 15 primary and its streaming replica (Debian's binaries, own data
# directories), two app nodes from the built jar, haproxy in front (round robin, no stickiness).
# All state under $ANJU_CLUSTER_DIR (default target/cluster); ports: ANJU_CLUSTER_{PRIMARY,REPLICA,NODE_A,NODE_B,LB}_PORT.
# Run scripts/cluster/down.sh to stop everything. up.sh empties its directory first: it takes only one that does not
# exist, is empty or was made by up.sh. The ports are kept there (ports): the other scripts of this cluster use them.
source "$(dirname "$0")/common.sh"
# empty only what up.sh made: a directory with other files is refused, nothing deleted
# (the default places, target/cluster or its /tmp stand-in, are the scripts' own)
if [ -n "${ANJU_CLUSTER_DIR:-}" ] && [ ! -f "$MARK" ] && [ -n "$(ls -A "$WORK" 2>/dev/null)" ]; then
  echo "目录 $WORK 不是 up.sh 建的集群目录（没有 .anju-cluster），里面有其他文件；up.sh 会先清空集群目录，故不用它。" >&2
  echo "请把 ANJU_CLUSTER_DIR 设为不存在的或空的目录（如 /tmp/anju-cluster）。" >&2
  echo "$WORK is not a directory up.sh made and is not empty: up.sh empties its directory first — choose another" >&2
  exit 2
fi
need_tools

if alive_pid haproxy >/dev/null || alive_pid node-a >/dev/null || alive_pid node-b >/dev/null; then
  echo "集群已在运行（$WORK）：先运行 ${CLUSTER_ENV}scripts/cluster/down.sh" >&2
  exit 2
fi
for p in "$PRIMARY_PORT" "$REPLICA_PORT" "$NODE_A_PORT" "$NODE_B_PORT" "$LB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "端口 $p 已被占用：换一个（ANJU_CLUSTER_*_PORT）或先运行 down.sh" >&2
    exit 2
  fi
done

[ -d "$PRIMARY_DIR" ] && as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DIR" status >/dev/null 2>&1 && as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DIR" -m immediate stop >/dev/null
[ -d "$REPLICA_DIR" ] && as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1 && as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m immediate stop >/dev/null
rm -rf "$WORK"
mkdir -p "$WORK" "$LOGS" "$RUN"
chmod 700 "$WORK"
printf '由 scripts/cluster/up.sh 建立；up.sh 再次运行时清空本目录\n' > "$MARK"
printf 'ANJU_CLUSTER_%s=%s\n' PRIMARY_PORT "$PRIMARY_PORT" REPLICA_PORT "$REPLICA_PORT" NODE_A_PORT "$NODE_A_PORT" \
  NODE_B_PORT "$NODE_B_PORT" LB_PORT "$LB_PORT" > "$PORTS_FILE"

# secrets of this test cluster: generated, owner-only
umask 077
SUPER_PASSWORD="$(openssl rand -hex 16)"
REPL_PASSWORD="$(openssl rand -hex 16)"
openssl rand -hex 16 > "$WORK/anju-password"
echo "1:$(openssl rand -base64 32)" > "$WORK/data-key"
printf '%s\n' "$SUPER_PASSWORD" > "$WORK/superuser-password"
cat > "$WORK/pgpass" <<PASS
127.0.0.1:*:*:postgres:$SUPER_PASSWORD
127.0.0.1:*:replication:replicator:$REPL_PASSWORD
127.0.0.1:*:*:anju:$(cat "$WORK/anju-password")
PASS
umask 022
if [ "$(id -u)" = 0 ]; then
  # the PostgreSQL user needs its own directories, the socket directory, the password files and the logs
  chown "$PG_USER" "$WORK" "$RUN" "$LOGS" "$WORK/pgpass" "$WORK/superuser-password"
fi

echo "== 主库 primary (127.0.0.1:$PRIMARY_PORT)"
as_pg "$PG_BIN/initdb" -D "$PRIMARY_DIR" -U postgres --pwfile="$WORK/superuser-password" \
  --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log"
as_pg tee -a "$PRIMARY_DIR/postgresql.conf" >/dev/null <<CONF

# anju loopback cluster (scripts/cluster/up.sh)
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$RUN'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
hot_standby_feedback = on
max_connections = 100
shared_buffers = 256MB
CONF
as_pg tee "$PRIMARY_DIR/pg_hba.conf" >/dev/null <<HBA
# loopback only, passwords only
local   all          all                      scram-sha-256
host    all          all         127.0.0.1/32 scram-sha-256
host    replication  replicator  127.0.0.1/32 scram-sha-256
HBA
as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DIR" -l "$LOGS/primary.log" -w start >/dev/null

psql_super() {
  as_pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres "$@"
}
psql_super -d postgres <<SQL
create role replicator with replication login password '$REPL_PASSWORD';
create role anju with login password '$(cat "$WORK/anju-password")';
create database anju owner anju encoding 'UTF8' template template0;
SQL

echo "== 只读副本 streaming replica (127.0.0.1:$REPLICA_PORT)"
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U replicator -D "$REPLICA_DIR" \
  -R -X stream -C -S anju_replica -c fast >"$LOGS/basebackup.log" 2>&1
as_pg tee -a "$REPLICA_DIR/postgresql.conf" >/dev/null <<CONF
port = $REPLICA_PORT
CONF
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$LOGS/replica.log" -w start >/dev/null
in_recovery="$(as_pg psql -X -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -c 'select pg_is_in_recovery()')"
if [ "$in_recovery" != t ]; then
  echo "副本没有处于恢复（备库）状态：$LOGS/replica.log" >&2
  exit 1
fi

echo "== 应用节点 A (127.0.0.1:$NODE_A_PORT)：首次启动建表（演示数据：${ANJU_CLUSTER_DEMO:-true}）"
start_node A
wait_node A
echo "== 应用节点 B (127.0.0.1:$NODE_B_PORT)"
start_node B
wait_node B

start_balancer

cat <<INFO

集群已启动 cluster up:
  负载均衡 balancer   http://127.0.0.1:$LB_PORT   (haproxy, round robin, health $(cat "$RUN/health-path"))
  节点 node A         http://127.0.0.1:$NODE_A_PORT   pid $(cat "$RUN/node-a.pid")
  节点 node B         http://127.0.0.1:$NODE_B_PORT   pid $(cat "$RUN/node-b.pid")
  主库 primary        127.0.0.1:$PRIMARY_PORT  $PRIMARY_DIR
  副本 replica        127.0.0.1:$REPLICA_PORT  $REPLICA_DIR
  日志 logs           $LOGS/{node-a,node-b,primary,replica,haproxy}.log
  数据库 psql         PGPASSFILE=$WORK/pgpass psql -h 127.0.0.1 -p $PRIMARY_PORT -U anju anju
停止 stop: ${CLUSTER_ENV}scripts/cluster/down.sh
INFO
