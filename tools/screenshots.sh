#!/usr/bin/env bash
# Screenshots of the coach's screens under Xvfb with openbox at one screen size:
#   tools/screenshots.sh WORKSPACE OUT_DIR WIDTHxHEIGHT [SCALE [screenshots.py options...]]
# e.g. tools/screenshots.sh /tmp/demo /tmp/shots-1366 1366x768 ; ... 1920x1080 1.5
#      tools/screenshots.sh /tmp/demo /tmp/shots-60 1366x768 1 --long-call-minutes 60
# With `--user it --password ...` it walks IT's Beheer pages instead of the coach's screens.
# Needs Xvfb, openbox and ImageMagick (`import`); only for developers.
set -euo pipefail
cd "$(dirname "$0")/.."
workspace=$1 out=$2 size=$3 scale=${4:-1}
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!
sleep 1
status=0
DISPLAY=$display QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=$scale .venv/bin/python tools/screenshots.py \
  --workspace "$workspace" --out "$out" "${@:5}" || status=$?
kill "$wm" "$xvfb" 2>/dev/null || true
wait "$wm" "$xvfb" 2>/dev/null || true
exit $status
