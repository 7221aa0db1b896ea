#!/usr/bin/env bash
# Starts a PulseAudio user daemon with a null sink for the sound tests (no sound card needed) and prints
# the PULSE_SERVER value to use. ALSA's default device follows a running pulse daemon (Debian's
# /etc/alsa/conf.d/99-pulse.conf), so PortAudio plays into the null sink; its monitor source records
# what was played. Exits non-zero when pulseaudio is not installed or does not start.
#
# With a folder as its argument the daemon is a private one in that folder (the tests use one per run and end it
# with `PULSE_SERVER=... pactl exit`): a daemon shared by everything run as this user mixes what two test runs
# on one machine play into the one null sink, and a muted lane of one run is then "heard" from the other's.
# Without it, the shared daemon of this user is used (started if none runs).
set -euo pipefail
exec 3>&1 1>&2  # only the server address goes to standard output
command -v pulseaudio >/dev/null 2>&1 || { echo "sound-test-server: pulseaudio is not installed"; exit 1; }
dir="${1:-${TMPDIR:-/tmp}/nunrec-pulse-$(id -u)}"
socket="$dir/native"
mkdir -p "$dir"
server="unix:$socket"
if ! PULSE_SERVER="$server" pactl info >/dev/null 2>&1; then
  rm -f "$socket"
  (cd "$dir" && HOME="$dir" pulseaudio --daemonize=yes -n --exit-idle-time=-1 --use-pid-file=no \
    --log-target="file:$dir/pulseaudio.log" \
    -L "module-native-protocol-unix socket=$socket auth-anonymous=1" \
    -L "module-null-sink sink_name=nunrec_null rate=48000" -L "module-always-sink")
  for _ in $(seq 1 50); do PULSE_SERVER="$server" pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
PULSE_SERVER="$server" pactl set-default-sink nunrec_null
PULSE_SERVER="$server" pactl set-default-source nunrec_null.monitor
echo "$server" >&3
