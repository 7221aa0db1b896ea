#!/usr/bin/env bash
# The one command that installs everything the tests need and runs the whole suite:
# lint (ruff), types (mypy strict), the import contracts (import-linter), then pytest on SQLite (every test) and,
# side by side on the other core, pytest on PostgreSQL (the tests that use a database, `-m "database or smoke"`),
# each into its own log; both logs are shown, both must pass. Ends with a table of each stage's duration and
# one closing line "N passed, N failed, ..." over both passes.
#
# NUNREC_TEST_DATABASE_URL, when set, names the PostgreSQL database of the PostgreSQL pass (a developer's own);
# otherwise the local cluster is started and its `nunrec_test` database used (tools/postgres-test-server.sh).
# NUNREC_STAGE_FILE, when set, receives one "stage<TAB>seconds<TAB>result" line per stage and, in
# NUNREC_STAGE_FILE.pytest, each pass's closing line (.ci/run sets both with NUNREC_STAGES_PRINTED_BY).
set -euo pipefail
cd "$(dirname "$0")/.."
STAGES_OWNER=tools/test.sh
source tools/stages.sh

stage "system packages" bash tools/system-packages.sh test
[ -x .venv/bin/python ] || python3 -m venv .venv
stage "pip install" bash -c '.venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e ".[test]"'
export QT_QPA_PLATFORM=offscreen
stage "ruff" .venv/bin/ruff check .
stage "mypy" .venv/bin/mypy
stage "import contracts" .venv/bin/lint-imports

logs=$(mktemp -d)
pg_url="${NUNREC_TEST_DATABASE_URL:-}"
if [ -z "$pg_url" ] && ! pg_url=$(bash tools/postgres-test-server.sh); then
  pg_url=""
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be started; CI needs it." >&2
    exit 1
  fi
fi

# The two passes side by side: one pytest process keeps about one core busy.
echo "== pytest on SQLite (log: $logs/sqlite.log)"
started_sqlite=$SECONDS
( rc=0; NUNREC_TEST_DATABASE_URL="" .venv/bin/python -m pytest -p no:cacheprovider "$@" >"$logs/sqlite.log" 2>&1 || rc=$?
  echo "$rc" >"$logs/sqlite.rc"; echo $((SECONDS - started_sqlite)) >"$logs/sqlite.s" ) &
pid_sqlite=$!
if [ -n "$pg_url" ]; then
  echo "== pytest on PostgreSQL, the tests that use a database (log: $logs/postgres.log)"
  started_pg=$SECONDS
  ( rc=0; NUNREC_TEST_DATABASE_URL="$pg_url" .venv/bin/python -m pytest -p no:cacheprovider -m "database or smoke" "$@" \
      >"$logs/postgres.log" 2>&1 || rc=$?
    echo "$rc" >"$logs/postgres.rc"; echo $((SECONDS - started_pg)) >"$logs/postgres.s" ) &
  pid_pg=$!
fi
wait "$pid_sqlite" || true
echo "== pytest on SQLite: output"
cat "$logs/sqlite.log"
record_stage "pytest on SQLite" "$(cat "$logs/sqlite.s")" "$(cat "$logs/sqlite.rc")"
record_pytest SQLite "$logs/sqlite.log"
rc=$(cat "$logs/sqlite.rc")
if [ -n "$pg_url" ]; then
  wait "$pid_pg" || true
  echo "== pytest on PostgreSQL: output"
  cat "$logs/postgres.log"
  record_stage "pytest on PostgreSQL" "$(cat "$logs/postgres.s")" "$(cat "$logs/postgres.rc")"
  record_pytest PostgreSQL "$logs/postgres.log"
  [ "$rc" -ne 0 ] || rc=$(cat "$logs/postgres.rc")
else
  echo "== PostgreSQL not available here: the PostgreSQL pass was not run (CI runs it)."
fi
rm -rf "$logs"
if [ "$NUNREC_STAGES_PRINTED_BY" = "$STAGES_OWNER" ]; then  # .ci/run prints them after its own stages
  print_stages
  closing_line
fi
exit "$rc"
