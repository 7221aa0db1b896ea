#!/usr/bin/env bash
# The one command that installs everything the tests need and runs the whole suite:
# lint (ruff), types (mypy strict), the import contracts (import-linter), then pytest on SQLite and again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/system-packages.sh test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check .
echo "== mypy"; .venv/bin/mypy
echo "== import contracts"; .venv/bin/lint-imports
echo "== pytest on SQLite"
.venv/bin/python -m pytest "$@"
if url=$(bash tools/postgres-test-server.sh); then
  echo "== pytest on PostgreSQL"
  NUNREC_TEST_DATABASE_URL="$url" .venv/bin/python -m pytest "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be started; CI needs it." >&2
  exit 1
else
  echo "== PostgreSQL not available here: the PostgreSQL pass was not run (CI runs it)."
fi
