#!/usr/bin/env bash
# The one command that installs nunrec and opens it on the demo workspace (created on first use, with
# the demo password nunspeet-demo for the accounts coach, coach2 and it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/system-packages.sh run
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
printf 'nunspeet-demo\n' | exec .venv/bin/nunrec demo --password-stdin --open "$@"
