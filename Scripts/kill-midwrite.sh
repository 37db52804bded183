#!/usr/bin/env bash
# Atomic output: a run killed part-way leaves every output file either old or complete (a killed
# run may leave a `.NAME.UUID.tmp` beside them, which nothing reads). Uses the largest corpus present so the run is long enough to kill.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$repo/.build/release/routespec"
corpus="$repo/../shared/corpus/ru-RU"
[ -d "$corpus" ] || corpus="$repo/spec"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" compile "$corpus" --model "$out/model.json" --swift "$out/Swift" --quiet 2>/dev/null || true
before=$(cd "$out" && find . -type f ! -name '.*.tmp' -exec sha256sum {} + | sort | sha256sum)
killed=0
for delay in 0.05 0.2 0.5 1.0 2.0 3.0; do
  # A different output (new Swift layout) so that files would really be rewritten.
  "$bin" compile "$corpus" --model "$out/model.json" --swift "$out/Swift" --no-client --quiet 2>/dev/null &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  # Every file is either the old one or a complete new one: the model must parse, no temp files.
  python3 -c "import json,sys; json.load(open('$out/model.json'))"
  # Restore the first output for the next round.
  "$bin" compile "$corpus" --model "$out/model.json" --swift "$out/Swift" --quiet 2>/dev/null || true
done
after=$(cd "$out" && find . -type f ! -name '.*.tmp' -exec sha256sum {} + | sort | sha256sum)
[ "$before" = "$after" ] || { echo "output differs after kills and a clean rerun" >&2; exit 1; }
echo "killed $killed runs mid-way: model always complete, output restored byte for byte"
