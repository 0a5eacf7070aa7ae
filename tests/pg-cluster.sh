#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, listening on 127.0.0.1 only, its
# unix socket in that folder. Works as a normal user and as root (root runs the server as the `postgres` user, or
# `nobody`, through runuser: PostgreSQL refuses to run as root).
# Usage: source tests/pg-cluster.sh start   → exports CRAWLER_TEST_POSTGRES (an Npgsql connection string) and PG_TEST_DIR
#        tests/pg-cluster.sh stop DIR        → stops the cluster and removes its folder
# Prints why when no PostgreSQL server is installed (the PostgreSQL tests then report themselves skipped).
pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_as() {
  # Runs a PostgreSQL command as the cluster's owner.
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_TEST_OWNER" -- "$@"; else "$@"; fi
}

pg_start() {
  local bin port
  bin="$(pg_bin)" || { echo "pg-cluster: no PostgreSQL server installed (initdb not found): PostgreSQL tests will be skipped" >&2; return 1; }
  PG_TEST_OWNER="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    if getent passwd postgres >/dev/null; then PG_TEST_OWNER=postgres; else PG_TEST_OWNER=nobody; fi
  fi
  PG_TEST_DIR="$(mktemp -d /tmp/crawler-pg-XXXXXX)"
  chmod 755 "$PG_TEST_DIR"
  [ "$(id -u)" -eq 0 ] && chown "$PG_TEST_OWNER" "$PG_TEST_DIR"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  pg_as "$bin/initdb" -D "$PG_TEST_DIR/data" -U crawler --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { echo "pg-cluster: initdb failed: $(tail -3 "$PG_TEST_DIR/initdb.log")" >&2; return 1; }
  pg_as "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { echo "pg-cluster: pg_ctl start failed: $(tail -5 "$PG_TEST_DIR/server.log")" >&2; return 1; }
  echo "$bin" >"$PG_TEST_DIR/bin"; echo "$PG_TEST_OWNER" >"$PG_TEST_DIR/owner"
  export PG_TEST_DIR PG_TEST_OWNER
  export CRAWLER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=crawler;Database=postgres;Pooling=true;Maximum Pool Size=40"
  echo "pg-cluster: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $PG_TEST_DIR/data)" >&2
}

pg_stop() {
  local dir="${1:-${PG_TEST_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  PG_TEST_OWNER="$(cat "$dir/owner")"
  pg_as "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) pg_start ;;
  stop) pg_stop "${2:-}" ;;
  *) echo "usage: tests/pg-cluster.sh start|stop [DIR]" >&2 ;;
esac
