#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the sync server's tests, installing
# Debian's package first when the machine lacks it, and prints its connection URL.
#   SYNC_TEST_DATABASE_URL=$(scripts/start-test-postgres.sh)
set -euo pipefail
port="${TEST_PG_PORT:-55432}"
dir="${TEST_PG_DIR:-/tmp/coop-registry-pg}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test-postgres: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if ! run "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run "$bin/initdb -D $dir -A trust -U postgres --no-instructions" >/dev/null
  run "$bin/pg_ctl -D $dir -l $dir/server.log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
