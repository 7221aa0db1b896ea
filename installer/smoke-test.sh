#!/usr/bin/env bash
# Smoke test of the built bundle (not the source): every step runs the bundled programs only.
#   installer/smoke-test.sh [BUNDLE_DIR]      (default build/dist/nunrec)
# Needs: sox (a test call), poppler-utils (pdffonts), Xvfb, openbox and xdotool (the windowed app).
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="$(cd "${1:-build/dist/nunrec}" && pwd)"
nunrec="$bundle/nunrec"
gui="$bundle/nunrec-gui"
work="$(mktemp -d)"
trap 'kill ${xvfb_pid:-} ${wm_pid:-} ${gui_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring  # no desktop keyring on a build machine
mkdir -p "$HOME"
passed=0
step() { [ -n "${current:-}" ] && passed=$((passed + 1)); current="$*"; echo "== smoke: $*"; }
fail() { echo "smoke test FAILED at '${current:-}': $*" >&2; echo "smoke: ${passed:-0} passed, 1 failed"; exit 1; }

step "init"
"$nunrec" init --workspace "$work/empty" >/dev/null
[ -f "$work/empty/nunrec.sqlite3" ] || fail "init wrote no database"

step "demo"
printf 'nunspeet-demo\n' | "$nunrec" demo --workspace "$work/demo" --password-stdin >/dev/null

step "recordings --json"
printf 'nunspeet-demo\n' | "$nunrec" recordings --workspace "$work/demo" --user coach --password-stdin --json \
  >"$work/recordings.jsonl"
count=$(wc -l <"$work/recordings.jsonl")
[ "$count" -gt 10 ] || fail "recordings listed only $count calls"
grep -q '"id"' "$work/recordings.jsonl" || fail "recordings --json has no ids"

step "check-audio"
sox -n -r 8000 -c 2 -e a-law "$work/call.wav" synth 3 sine 440 sine 660
"$nunrec" check-audio "$work/call.wav" --expected-duration 3 >"$work/check.json"
grep -q '"complete": true' "$work/check.json" || fail "check-audio: $(cat "$work/check.json")"

step "export-feedback"
employee=$(sed -n 's/.*"employee_id": "\([^"]*\)".*/\1/p' "$work/recordings.jsonl" | head -n 1)
printf 'nunspeet-demo\n' | "$nunrec" export-feedback --workspace "$work/demo" --user coach --password-stdin \
  --employee "$employee" --out "$work/feedback.pdf" >/dev/null
pdfinfo "$work/feedback.pdf" | grep -q '^Pages:' || fail "the feedback PDF does not open"
fonts=$(pdffonts "$work/feedback.pdf" | tail -n +3)
[ -n "$fonts" ] || fail "the feedback PDF has no fonts"
echo "$fonts" | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' || fail "a font is not embedded: $fonts"

step "audit verify"
"$nunrec" audit verify --workspace "$work/demo" >/dev/null

step "directory check (ldap3 is in the bundle: an unreachable directory, not a missing library)"
mkdir -p "$work/directory"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/directory/nunrec.toml" <<TOML
[auth]
kind = "directory"
server_uri = "ldaps://localhost:$port"
base_dn = "dc=nunspeet,dc=test"
bind_name = "uid={user},ou=people,dc=nunspeet,dc=test"
coach_group_dn = "cn=coaches,dc=nunspeet,dc=test"
it_group_dn = "cn=it,dc=nunspeet,dc=test"
timeout_seconds = 2
TOML
"$nunrec" init --workspace "$work/directory" >/dev/null
set +e
printf 'x\n' | "$nunrec" directory check --workspace "$work/directory" --user alice --password-stdin >"$work/dir.json"
code=$?
set -e
[ "$code" -eq 1 ] || fail "directory check exit $code: $(cat "$work/dir.json")"
grep -q 'niet bereikbaar' "$work/dir.json" || fail "directory check: $(cat "$work/dir.json")"

step "windowed app up to the painted sign-in window"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
export DISPLAY="$display"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 & wm_pid=$!
QT_QPA_PLATFORM=xcb "$gui" --workspace "$work/demo" >"$work/gui.log" 2>&1 & gui_pid=$!
xdotool search --sync --onlyvisible --name '^nunrec' >/dev/null &
search_pid=$!
for _ in $(seq 1 300); do kill -0 "$search_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$search_pid" 2>/dev/null && { kill "$search_pid"; fail "no sign-in window within 30 s: $(cat "$work/gui.log")"; }
kill -0 "$gui_pid" 2>/dev/null || fail "nunrec-gui ended: $(cat "$work/gui.log")"
mkdir -p build/smoke
sleep 1
import -display "$display" -window root build/smoke/sign-in.png 2>/dev/null || true
passed=$((passed + 1))
echo "screenshot of the bundled sign-in window: build/smoke/sign-in.png"
echo "smoke: $passed passed, 0 failed"
