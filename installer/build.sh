#!/usr/bin/env bash
# Builds the one-folder bundle (build/dist/nunrec/) from a clean, non-editable install of this checkout,
# then the MSI from the bundle's file list (build/nunrec.msi, wixl from Debian's msitools).
# The Windows build (.github/workflows/windows-installer.yml, installer/README.md) runs the same steps.
#   installer/build.sh            bundle + MSI
#   installer/build.sh bundle     bundle only
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
build=build
venv="$build/bundle-venv"
rm -rf "$build/dist" "$build/pyinstaller"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q ".[postgres,directory]" "pyinstaller>=6.10,<7"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$build/dist" --workpath "$build/pyinstaller" \
  installer/nunrec.spec
echo "bundle: $build/dist/nunrec ($(du -sh "$build/dist/nunrec" | cut -f1))"
[ "$what" = "bundle" ] && exit 0
bash installer/build-msi.sh "$build/dist/nunrec" "$build/nunrec.msi"
bash installer/check-msi.sh "$build/nunrec.msi"
