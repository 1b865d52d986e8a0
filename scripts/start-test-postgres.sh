#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print the URL to use.
# Installs Debian's postgresql package when it is missing (CI machines start bare).
# Usage: eval "$(scripts/start-test-postgres.sh)"   -> exports NEWSGRAPH_TEST_PG_URL, and
#        NEWSGRAPH_TEST_PG_STOP, a command that stops the server again
set -euo pipefail
# A free port unless one is given, so a server left over from an earlier run is no obstacle.
PORT="${NEWSGRAPH_TEST_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 \
            || { echo "echo 'PostgreSQL could not be installed; its tests will skip' >&2"; exit 0; }
    else
        echo "echo 'PostgreSQL is not installed; its tests will skip' >&2"; exit 0
    fi
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
DATA=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$DATA"
    RUN_AS=(runuser -u postgres --)
fi
"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -A trust -U newsgraph >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U newsgraph newsgraph_test
echo "export NEWSGRAPH_TEST_PG_URL=postgresql://newsgraph@127.0.0.1:$PORT/newsgraph_test"
echo "export NEWSGRAPH_TEST_PG_DATA=$DATA"
echo "export NEWSGRAPH_TEST_PG_STOP='${RUN_AS[*]} $BIN/pg_ctl -D $DATA stop -m fast'"
