#!/usr/bin/env bash
# Starts the local Debian PostgreSQL cluster and makes sure the test role and database exist.
# Prints the SQLAlchemy URL for NUNREC_TEST_DATABASE_URL on success; exits non-zero when it cannot.
set -euo pipefail
exec 3>&1 1>&2  # only the URL goes to standard output (fd 3); everything else to stderr
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
  echo "postgres-test-server: needs root or sudo" >&2; exit 1; fi
command -v pg_lsclusters >/dev/null 2>&1 || { echo "postgres-test-server: PostgreSQL is not installed" >&2; exit 1; }
line=$(pg_lsclusters --no-header | head -n 1)
if [ -z "$line" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  "${sudo[@]}" pg_createcluster "$version" main </dev/null >/dev/null 3>&-
  line=$(pg_lsclusters --no-header | head -n 1)
fi
read -r version cluster port _ <<<"$line"
"${sudo[@]}" pg_ctlcluster "$version" "$cluster" start </dev/null >/dev/null 2>&1 3>&- || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
psql_admin() { "${sudo[@]}" su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='nunrec_test'")" != "1" ]; then
  psql_admin "CREATE ROLE nunrec_test LOGIN PASSWORD 'nunrec_test'" >/dev/null
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='nunrec_test'")" != "1" ]; then
  psql_admin "CREATE DATABASE nunrec_test OWNER nunrec_test" >/dev/null
fi
echo "postgresql+psycopg://nunrec_test:nunrec_test@127.0.0.1:${port}/nunrec_test" >&3
