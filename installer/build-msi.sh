#!/usr/bin/env bash
# Compiles the MSI from a one-folder bundle with wixl (Debian's msitools): the two programs are declared
# in installer/nunrec.wxs, every other file of the bundle is listed by installer/harvest.py (as on Windows).
#   installer/build-msi.sh BUNDLE_DIR OUT.msi
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="${1:?bundle folder}"
out="${2:?output .msi}"
suffix=""
[ -f "$bundle/nunrec-gui.exe" ] && suffix=".exe"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n 1)
harvest="$(dirname "$out")/bundle-files.wxs"
python3 installer/harvest.py "$bundle" "$harvest"
wixl -a x64 -D BundleDir="$bundle" -D Version="$version" -D ExeSuffix="$suffix" -o "$out" installer/nunrec.wxs "$harvest"
echo "msi: $out ($(du -h "$out" | cut -f1))"
