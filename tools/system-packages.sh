#!/usr/bin/env bash
# Installs the Debian/Ubuntu system libraries nunrec needs (Qt's xcb/offscreen libraries, PortAudio,
# the Kerberos library of directory sign-in and, for the tests, PostgreSQL, PulseAudio, Xvfb,
# poppler, the MSI tools, slapd and a Kerberos KDC). Only what is missing
# is installed; without apt-get, or without root/sudo, it says what to install and carries on.
#   tools/system-packages.sh run    what the application needs
#   tools/system-packages.sh test   what the test suite needs as well
set -euo pipefail
purpose="${1:-run}"
packages=(python3-venv libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libportaudio2 fonts-dejavu-core
  libgssapi-krb5-2)  # directory sign-in's ticket (gssapi); LDAP itself is ldap3, pure Python
if [ "$purpose" = "test" ]; then
  # PostgreSQL for the second pass; poppler, Xvfb, openbox, xdotool and ImageMagick for looking at PDFs and
  # windows (and the bundle's smoke test); PulseAudio with ALSA's pulse plugin for the real sound path; sox
  # for test calls; ffmpeg for a real AAC file (and as a benchmark anchor); msitools and wixl to compile and
  # inspect the MSI; espeak-ng for the spoken calls of benchmarks/call_metrics_accuracy.py (CI runs every
  # benchmark once with --quick). Directory sign-in: the compiler and headers gssapi is built against, and
  # the real parts of its tests: slapd (LDAPS), a Kerberos KDC with kadmin.local and kinit, and Cyrus SASL's
  # GSSAPI module for slapd's side of the ticket bind.
  packages+=(postgresql poppler-utils xvfb xauth x11-utils openbox xdotool imagemagick pulseaudio pulseaudio-utils
    libasound2-plugins sox ffmpeg msitools wixl espeak-ng
    gcc libkrb5-dev slapd ldap-utils krb5-kdc krb5-admin-server krb5-user
    libsasl2-modules-gssapi-mit)
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "system-packages: no dpkg here; install the equivalents of: ${packages[*]}"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
  echo "system-packages: please install (as root): ${missing[*]}"; exit 0; fi
echo "system-packages: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
