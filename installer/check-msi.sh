#!/usr/bin/env bash
# Checks an MSI's tables with msiinfo: the start-menu shortcut to the windowed program, a per-machine
# install, the fixed upgrade code (newer replaces older), and nothing that removes files outside the
# program folder (an uninstall never touches a workspace).
#   installer/check-msi.sh build/nunrec.msi
set -euo pipefail
cd "$(dirname "$0")/.."
msi="${1:?msi file}"
upgrade_code=$(sed -n 's/.*UpgradeCode="\([^"]*\)".*/\1/p' installer/nunrec.wxs | head -n 1)
fail() { echo "MSI check FAILED: $*" >&2; exit 1; }
# Whole tables into variables first: `grep -q` would close the pipe early, and pipefail call that a failure.
table() { msiinfo export "$msi" "$1" | tr -d '\r' | tail -n +4; }
shortcuts=$(table Shortcut) files=$(table File) properties=$(table Property) upgrades=$(table Upgrade)
removals=$(table RemoveFile) directories=$(table Directory)

awk -F'\t' '$3 == "Gesprekscoaching KCC" && $2 == "ProgramMenuFolder" && $4 == "CoachProgram"' <<<"$shortcuts" | grep -q . ||
  fail "no start-menu shortcut 'Gesprekscoaching KCC' to the coach's program: $shortcuts"
awk -F'\t' '$1 == "NunrecGui" && $2 == "CoachProgram" && $3 ~ /nunrec-gui/' <<<"$files" | grep -q . ||
  fail "the shortcut's component does not hold nunrec-gui"
grep -qx $'ALLUSERS\t1' <<<"$properties" || fail "not a per-machine install (ALLUSERS is not 1)"
grep -qix $'UpgradeCode\t{'"$upgrade_code"'}' <<<"$properties" || fail "upgrade code is not $upgrade_code"
grep -qi "$upgrade_code" <<<"$upgrades" || fail "no major-upgrade rows for the upgrade code"
[ -z "$(tr -d '[:space:]' <<<"$removals")" ] || fail "the MSI removes files: $removals"
cut -f1,2 <<<"$directories" | grep -Eqi 'AppData|Personal|Profile' &&
  fail "the MSI knows a user data folder: $(grep -Ei 'AppData|Personal|Profile' <<<"$directories")"
count=$(wc -l <<<"$files")
[ "$count" -gt 100 ] || fail "only $count files in the MSI"
echo "MSI check passed: $count files, per-machine, shortcut, upgrade code $upgrade_code"
