# Sourced by tools/test.sh and .ci/run: run named stages, remember how long each took, print them as a table,
# and end with one closing line over the pytest passes ("N passed, N failed, N skipped") a CI reader can parse.
# The stage records go to $NUNREC_STAGE_FILE (created here when the caller did not set one). The script that
# prints the table at the end is NUNREC_STAGES_PRINTED_BY; each script names itself in STAGES_OWNER first.

: "${STAGES_OWNER:?set STAGES_OWNER before sourcing tools/stages.sh}"
export NUNREC_STAGES_PRINTED_BY="${NUNREC_STAGES_PRINTED_BY:-$STAGES_OWNER}"
if [ -z "${NUNREC_STAGE_FILE:-}" ]; then
  NUNREC_STAGE_FILE=$(mktemp)
  export NUNREC_STAGE_FILE
fi

record_stage() {  # name seconds exit-code
  local result=ok
  [ "$3" -eq 0 ] || result="failed ($3)"
  printf '%s\t%s\t%s\n' "$1" "$2" "$result" >>"$NUNREC_STAGE_FILE"
}

stage() {  # name command...: runs the command (set -e stops the script on failure, after recording it)
  local name=$1 started=$SECONDS rc=0
  shift
  echo "== $name"
  "$@" || rc=$?
  record_stage "$name" $((SECONDS - started)) "$rc"
  if [ "$rc" -ne 0 ]; then
    echo "stage '$name' failed" >&2
    if [ "$NUNREC_STAGES_PRINTED_BY" = "$STAGES_OWNER" ]; then
      print_stages
      closing_line
    fi
    exit "$rc"
  fi
}

print_stages() {
  local name seconds result
  echo
  echo "== stage durations"
  while IFS=$'\t' read -r name seconds result; do
    printf '  %-28s %4d:%02d  %s\n' "$name" $((seconds / 60)) $((seconds % 60)) "$result"
  done <"$NUNREC_STAGE_FILE"
  echo "  (stages that ran side by side overlap; wall clock of this run: $((SECONDS / 60)):$(printf '%02d' $((SECONDS % 60))))"
}

record_pytest() {  # pass name, log file: keeps pytest's closing line (without the = signs) for closing_line
  local line
  line=$(grep -E '^=+ .*(passed|failed|error|skipped|deselected|no tests ran).* =+$' "$2" | tail -n 1 \
    | sed -E 's/^=+ //; s/ =+$//')
  printf '%s: %s\n' "$1" "${line:-no closing summary (pytest did not finish)}" >>"$NUNREC_STAGE_FILE.pytest"
}

closing_line() {  # one line "N passed, N failed, N skipped, N errors" over every pytest pass recorded
  local passed=0 failed=0 skipped=0 errors=0 line count word passes=""
  [ -f "$NUNREC_STAGE_FILE.pytest" ] || { echo "0 passed, 0 failed (no pytest pass ran)"; return; }
  while IFS= read -r line; do
    passes="${passes:+$passes; }$line"
    for word in passed failed skipped error errors; do
      count=$(grep -oE "[0-9]+ $word\b" <<<"$line" | grep -oE '^[0-9]+' | head -n 1 || true)
      [ -n "$count" ] || continue
      case $word in
        passed) passed=$((passed + count)) ;; failed) failed=$((failed + count)) ;;
        skipped) skipped=$((skipped + count)) ;; error | errors) errors=$((errors + count)) ;;
      esac
    done
    grep -q 'no closing summary' <<<"$line" && errors=$((errors + 1))
  done <"$NUNREC_STAGE_FILE.pytest"
  echo "$passed passed, $failed failed, $skipped skipped, $errors errors ($passes)"
}
