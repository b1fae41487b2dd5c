#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: scripts/with-postgres.sh COMMAND [ARG ...]
#
# initdb into a fresh temporary folder, start the server on a free port of 127.0.0.1 only
# (its unix socket stays inside that folder), create a role with CREATEDB (pytest-django
# creates test_<name>) and a database, run the command with DATABASE_URL pointing at it, and
# always stop the cluster and delete the folder afterwards. The exit code is the command's.
# Used by scripts/test-postgres.sh (pytest) and `make bench-postgres` (the benchmark).
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system
# user that Debian's postgresql package creates.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$#" -eq 0 ]; then
    echo "usage: scripts/with-postgres.sh COMMAND [ARG ...]" >&2
    exit 2
fi

pg_bin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "error: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin;" \
        "run scripts/install-system-deps.sh" >&2
    exit 1
fi

python=${KFQ_VENV_PYTHON:-.venv/bin/python}

pg_root=$(mktemp -d "${TMPDIR:-/tmp}/kfq-pg.XXXXXX")
pg_data="$pg_root/data"
pg_log="$pg_root/server.log"
started=0

if [ "$(id -u)" -eq 0 ]; then
    if ! getent passwd postgres >/dev/null; then
        echo "error: running as root but there is no 'postgres' system user to own the cluster" >&2
        rm -rf "$pg_root"
        exit 1
    fi
    chown postgres: "$pg_root"
    as_pg() { (cd "$pg_root" && runuser -u postgres -- "$@"); }
else
    as_pg() { (cd "$pg_root" && "$@"); }
fi

cleanup() {
    local rc=$?
    if [ "$started" -eq 1 ]; then
        echo "==> stopping PostgreSQL cluster"
        if ! as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$pg_root"
    echo "==> removed $pg_root"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$("$python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()')
user=kfq
dbname=kfq
password=$("$python" -c 'import secrets; print(secrets.token_hex(16))')

echo "==> PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'): initdb in $pg_root"
as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null

echo "==> starting on 127.0.0.1:$port"
started=1
if ! as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pg_root" \
    -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    echo "error: PostgreSQL did not start; its log:" >&2
    cat "$pg_log" >&2 || true
    exit 1
fi

as_pg "$pg_bin/psql" -h "$pg_root" -p "$port" -U postgres -d postgres -X -q \
    -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $user LOGIN CREATEDB PASSWORD '$password'" \
    -c "CREATE DATABASE $dbname OWNER $user"

echo "==> $* on PostgreSQL (DATABASE_URL=postgres://$user:***@127.0.0.1:$port/$dbname)"
set +e
DATABASE_URL="postgres://$user:$password@127.0.0.1:$port/$dbname" "$@"
rc=$?
set -e
exit "$rc"
