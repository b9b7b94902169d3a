#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL store's tests: `start` prints the variables to eval, `stop` ends it.
#
#   eval "$(bash .ci/postgres.sh start)"    # starts a server, exports CONVERGENCE_TEST_DATABASE_URL
#   npx vitest run mocks/store               # the store suite now runs against PostgreSQL too
#   bash .ci/postgres.sh stop                # stops it and deletes its files
#
# The server listens on a Unix socket in its own temporary folder only (no TCP port, so no clash with another
# server), trusts local connections, and runs with fsync off: its data are thrown away, and the mock's durability
# against its own crash (kill -9) does not depend on the server's fsync. Uses Debian's packages (postgresql),
# installed when missing if we are root with apt-get. Run as root, the server runs as the `postgres` user.
set -euo pipefail

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then dir=$(dirname "$(command -v pg_ctl)"); fi
  echo "$dir"
}

start() {
  local bin dir as=()
  bin=$(find_bin)
  if [ -z "$bin" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
    bin=$(find_bin)
  fi
  if [ -z "$bin" ]; then
    echo "postgres.sh: no PostgreSQL server found (Debian: apt-get install postgresql)" >&2
    return 1
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/convergence-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
    -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=200" start >&2
  "$bin/psql" -X -q -h "$dir" -U postgres -d postgres -c 'CREATE DATABASE convergence_test' >&2
  echo "export CONVERGENCE_TEST_PGDIR='$dir'"
  echo "export CONVERGENCE_TEST_DATABASE_URL='postgresql://postgres@/convergence_test?host=$dir'"
}

stop() {
  local dir=${1:-${CONVERGENCE_TEST_PGDIR:-}} bin as=()
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin=$(find_bin)
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [dir]" >&2; exit 2 ;;
esac
