#!/usr/bin/env bash
# Sourced by .ci/run: a throw-away PostgreSQL cluster on 127.0.0.1 for the test suites, started from
# Debian's packages (installed when missing). PostgreSQL refuses to run as root, so when CI runs as
# root the cluster belongs to the `postgres` OS user. Exports TEST_DATABASE_URL_PG; tests then create
# one schema per test inside that database.
PG_PORT="${PG_PORT:-5439}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "Installing PostgreSQL from Debian for the database tests…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

if [ "$(id -u)" = "0" ]; then
	PG_USER=postgres
	as_pg() { runuser -u postgres -- "$@"; }
else
	PG_USER="$(id -un)"
	as_pg() { "$@"; }
fi

PG_DIR="$(mktemp -d /tmp/taibai-pg.XXXXXX)"
chown "$PG_USER" "$PG_DIR"
# Trust on 127.0.0.1 only: a disposable cluster that lives as long as this CI run.
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
	-o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200" start >/dev/null
trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null; rm -rf "$PG_DIR"' EXIT
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" taibai_test

export TEST_DATABASE_URL_PG="postgres://$PG_USER@127.0.0.1:$PG_PORT/taibai_test"
# The test suites fail, rather than report "not run", when this is set and PostgreSQL is missing.
export REQUIRE_POSTGRES=true
echo "PostgreSQL for tests at $TEST_DATABASE_URL_PG"
