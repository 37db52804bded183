#!/usr/bin/env bash
# Compiles every corpus in ../shared and the seeds; fails on a crash (any exit status other than
# 0 or 1) or when a corpus's error count rises above the committed baseline (.ci/corpus-errors.tsv).
# Usage: Scripts/corpus-errors.sh [--update]   (--update rewrites the baseline with today's counts)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$repo/../shared"
baseline="$repo/.ci/corpus-errors.tsv"
if [ ! -d "$shared/corpus" ]; then
  echo "SKIPPED corpus error baseline: ../shared is not present beside the checkout"
  exit 0
fi
tool="$repo/.build/release/routespec"
[ -x "$tool" ] || swift build -c release --package-path "$repo" --product routespec >/dev/null
inputs=()
for c in "$shared"/corpus/*/; do inputs+=("corpus/$(basename "$c")"); done
[ -d "$shared/seeds" ] && inputs+=("seeds")
new=$(mktemp)
failed=0
for input in "${inputs[@]}"; do
  status=0
  "$tool" compile "$shared/$input" --model /dev/null --quiet 2> /tmp/routespec-corpus-errors.log || status=$?
  if [ "$status" -gt 1 ]; then
    echo "CRASH or usage error (exit $status) compiling $input:" >&2
    tail -20 /tmp/routespec-corpus-errors.log >&2
    failed=1
    continue
  fi
  errors=$(grep -c ": error: " /tmp/routespec-corpus-errors.log || true)
  printf '%s\t%s\n' "$input" "$errors" >> "$new"
  allowed=$(awk -F'\t' -v k="$input" '$1 == k { print $2 }' "$baseline" 2>/dev/null || true)
  if [ -z "$allowed" ]; then
    echo "$input: $errors errors (no baseline yet)"
  elif [ "$errors" -gt "$allowed" ]; then
    echo "$input: $errors errors, baseline $allowed: more errors than before" >&2
    grep ": error: " /tmp/routespec-corpus-errors.log | sed -n 1,20p >&2
    failed=1
  else
    echo "$input: $errors errors (baseline $allowed)"
  fi
done
if [ "${1:-}" = "--update" ]; then
  { echo -e "# input\terrors (Scripts/corpus-errors.sh --update rewrites this)"; cat "$new"; } > "$baseline"
  echo "baseline written to $baseline"
fi
rm -f "$new"
exit $failed
