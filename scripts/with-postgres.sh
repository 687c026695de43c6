#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL 15 server: scripts/with-postgres.sh CMD [ARG ...]
#
# Installs postgresql-15 and libpq-dev with apt-get when missing (apt-get update only when the install needs it),
# initdb's a cluster in a temporary folder, starts it listening on 127.0.0.1 only (a free port) and on a unix socket
# in that folder, creates the role `pipeline` (password authentication, scram-sha-256) and the database `pipeline`,
# exports
#   DATABASE_URL=postgresql://pipeline:<random password>@127.0.0.1:<port>/pipeline
#   PIPELINE_TEST_DATABASE_URL (the same; the tests read it)
#   PGHOST (the socket folder) PGPORT PGUSER PGPASSWORD PGDATABASE (so psql works without arguments)
# runs CMD, and stops and removes the cluster when CMD ends, fails or is interrupted. Exits with CMD's status.
#
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user (created by the Debian
# package); otherwise as the calling user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: scripts/with-postgres.sh CMD [ARG ...]" >&2
    exit 64
fi

bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$bindir/postgres" ] || ! pkg-config --exists libpq 2>/dev/null; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "with-postgres: installing postgresql-15 libpq-dev" >&2
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 libpq-dev >/dev/null 2>&1; then
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 libpq-dev >/dev/null
    fi
fi

run_as=()
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        echo "with-postgres: running as root and there is no 'postgres' user to run the server as" >&2
        exit 1
    fi
    run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/with-postgres.XXXXXX")
chmod 755 "$dir"
if [ "${#run_as[@]}" -gt 0 ]; then chown postgres: "$dir"; fi
data="$dir/data"
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -f "$data/postmaster.pid" ]; then
        "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$password" >"$dir/pwfile"
if [ "${#run_as[@]}" -gt 0 ]; then chown postgres: "$dir/pwfile"; fi
"${run_as[@]}" "$bindir/initdb" -D "$data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
}
rm -f "$dir/pwfile"

# A free port: bind port 0 on loopback and read what the kernel chose (a race with another process is possible but
# rare; pg_ctl then fails to start and the script exits non-zero).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + RANDOM % 20000)))

# fsync off and no synchronous commit: a throwaway cluster needs no durability, and the tests run faster.
# WITH_POSTGRES_DURABLE=1 keeps PostgreSQL's defaults (fsync, synchronous commit), for benchmarks.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "${WITH_POSTGRES_DURABLE:-0}" = 1 ]; then durability=""; fi
"${run_as[@]}" "$bindir/pg_ctl" -D "$data" -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=50 \
        $durability" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
}

export PGHOST="$dir" PGPORT="$port" PGUSER=postgres PGPASSWORD="$password" PGDATABASE=postgres
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE pipeline LOGIN PASSWORD '$password';
CREATE DATABASE pipeline OWNER pipeline;
SQL
export PGUSER=pipeline PGDATABASE=pipeline
export DATABASE_URL="postgresql://pipeline:$password@127.0.0.1:$port/pipeline"
export PIPELINE_TEST_DATABASE_URL="$DATABASE_URL"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port, database pipeline, role pipeline" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
