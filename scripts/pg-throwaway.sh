#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb on a temporary folder, pg_ctl on a free
# port of 127.0.0.1 (or $PG_THROWAWAY_PORT), one database, TEST_DATABASE_URL exported for the command;
# the cluster is stopped and its folder removed however the command ends.
#   scripts/pg-throwaway.sh npm test
# PostgreSQL refuses to run as root, so as root the cluster belongs to the unprivileged `postgres` user
# (Debian's package makes it); any other user runs it as themselves.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-throwaway: no PostgreSQL server binaries (install Debian's postgresql package)" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

port="${PG_THROWAWAY_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/pg-throwaway.XXXXXX")"
password="$(node -e "console.log(require('crypto').randomBytes(18).toString('hex'))")"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"

stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

printf '%s\n' "$password" >"$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
as_owner "$PG_BIN/initdb" -D "$dir/data" -U portal --pwfile="$dir/pwfile" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
rm -f "$dir/pwfile"
# Only TCP on 127.0.0.1; the socket lives in the folder (no /var/run/postgresql needed); fsync off:
# the cluster dies with the run.
as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
  start >/dev/null || {
  cat "$dir/server.log" >&2
  exit 1
}
PGPASSWORD="$password" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U portal portal_test

export TEST_DATABASE_URL="postgres://portal:${password}@127.0.0.1:${port}/portal_test"
echo "pg-throwaway: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (TEST_DATABASE_URL set)"
"$@"
