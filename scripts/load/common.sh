# Shared by scripts/load/*.sh: how to reach the app's database with psql.
#   external server (production, scripts/cluster): ANJU_DB_URL=jdbc:postgresql://host:port/db, ANJU_DB_USER, ANJU_DB_PASSWORD,
#                                                  and for prepare.sh's `user add` the nodes' ANJU_DATA_KEY_FILE (or _KEY);
#                                                  exported: run.sh ends with verify.sh, which needs them too
#   embedded server of a single node:             ANJU_DATA_DIR (default ./anju-data) — port from its postmaster.pid,
#                                                  password from its pg-secret (owner-only), database anju
# Sets PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD for psql.
load_db_env() {
  if [ -n "${ANJU_DB_URL:-}" ]; then
    local rest="${ANJU_DB_URL#jdbc:postgresql://}"
    local hostport="${rest%%/*}"
    local db="${rest#*/}"; db="${db%%\?*}"
    export PGHOST="${hostport%%:*}"
    if [ "$hostport" != "${hostport#*:}" ]; then export PGPORT="${hostport#*:}"; else export PGPORT=5432; fi
    export PGDATABASE="$db" PGUSER="${ANJU_DB_USER:?设置了 ANJU_DB_URL 时还须设置 ANJU_DB_USER（数据库用户）}"
    export PGPASSWORD="${ANJU_DB_PASSWORD:?设置了 ANJU_DB_URL 时还须设置 ANJU_DB_PASSWORD（数据库密码）}"
  else
    local dir="${ANJU_DATA_DIR:-./anju-data}"
    if [ ! -f "$dir/pg/postmaster.pid" ]; then
      echo "$dir 下没有运行中的内置 PostgreSQL：请先启动应用，或设置 ANJU_DATA_DIR（数据目录）/ ANJU_DB_URL（外部数据库）" >&2
      return 2
    fi
    export PGHOST=127.0.0.1 PGPORT="$(sed -n 4p "$dir/pg/postmaster.pid" | tr -d ' ')" PGDATABASE=anju PGUSER=postgres
    PGPASSWORD="$(cat "$dir/pg-secret")"; export PGPASSWORD
  fi
}

psql_q() {
  psql -X -q -v ON_ERROR_STOP=1 "$@"
}
