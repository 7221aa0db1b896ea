#!/usr/bin/env bash
# Every benchmark in benchmarks/ once with --quick (one small round): CI runs this so that none rots. The
# figures of a quick round are not judged; a benchmark that fails to run fails this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
failed=()
for script in benchmarks/*.py; do
  echo "== $script --quick"
  .venv/bin/python "$script" --quick || failed+=("$script")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "benchmarks that did not run: ${failed[*]}" >&2
  exit 1
fi
