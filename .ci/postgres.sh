#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store's contract tests and prints its connection string (Npgsql form) on
# stdout; everything else goes to stderr. Idempotent: installs PostgreSQL only when missing, and when a server
# already answers on 127.0.0.1:55432 (an earlier run) it is reused rather than started twice.
#   export STORYLINE_TEST_POSTGRES="$(bash .ci/postgres.sh)"
set -euo pipefail
port=55432
database=storyline_test

initdb_path() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(initdb_path)" ]; then
  echo "postgres.sh: installing PostgreSQL" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql postgresql-contrib >&2
fi
bin="$(dirname "$(initdb_path)")"

# initdb refuses to run as root: run the server as the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  data="$(mktemp -d "${TMPDIR:-/tmp}/storyline-pg.XXXXXX")"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi
  chmod 700 "$data"
  echo "postgres.sh: new cluster in $data" >&2
  as_owner "'$bin/initdb' -D '$data' -U postgres --auth=trust >/dev/null"
  as_owner "'$bin/pg_ctl' -D '$data' -l '$data/server.log' \
    -o \"-p $port -k '$data' -c listen_addresses=127.0.0.1\" -w start" >&2
fi

exists="$("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [ "$exists" != "1" ]; then
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
fi

echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
