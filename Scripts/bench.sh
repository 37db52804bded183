#!/usr/bin/env bash
# Benchmark: full compile of a corpus (pages → model JSON → Swift files), release build, against
# reading the same files with `cat` in the same run; peak RSS; the phases of one run; the cost at
# 1/4, 1/2 and all of the corpus; the build plugin's no-op rebuild of Examples/GraphExample.
# Usage: Scripts/bench.sh [CORPUS] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus/ru-RU}"
runs="${2:-5}"
if [ ! -d "$corpus" ]; then
  echo "SKIPPED: corpus $corpus not found (../shared is not beside the checkout)"
  exit 0
fi
corpus="$(cd "$corpus" && pwd)"
swift build -c release --package-path "$repo" --product routespec >/dev/null
bin="$repo/.build/release/routespec"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$corpus" -name '*.md' | sort > "$work/all"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }

# cat and compile alternate, so that both see the same machine.
"$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift" --quiet >/dev/null 2>&1 || true
for i in $(seq "$runs"); do
  seconds xargs -a "$work/all" cat >> "$work/cat"
  seconds "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift" --quiet >> "$work/compile"
done
/usr/bin/time -o "$work/rss" -f "%M" "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift2" --quiet >/dev/null 2>&1 || true
rss=$(tail -1 "$work/rss")
for i in $(seq "$runs"); do seconds "$bin" compile "$corpus" --model "$work/model.json" --quiet; done | median > "$work/modelonly"
cat_s=$(median < "$work/cat"); compile_s=$(median < "$work/compile")
ratio=$(echo "scale=2; $compile_s / $cat_s" | bc)
echo "pages: $(wc -l < "$work/all")"
echo "cat (median of $runs): $cat_s s"
echo "full compile (median of $runs): $compile_s s; ratio to cat: $ratio; peak RSS: $((rss / 1024)) MB"
echo "of which pages → model only (median of $runs): $(cat "$work/modelonly") s"
echo "phases of one more full compile (ROUTESPEC_TIMINGS):"
ROUTESPEC_TIMINGS=1 "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift" --quiet 2>&1 >/dev/null | grep '^routespec: ' | sed 's/^/  /' || true

total=$(wc -l < "$work/all")
for part in 4 2 1; do
  n=$((total / part))
  mkdir -p "$work/part$part"
  head -n "$n" "$work/all" | while read -r f; do
    rel="${f#$corpus/}"; mkdir -p "$work/part$part/$(dirname "$rel")"; ln -sf "$f" "$work/part$part/$rel"
  done
  t=$(for i in $(seq 3); do seconds "$bin" compile "$work/part$part" --model "$work/m$part.json" --quiet; done | median)
  echo "1/$part of the corpus ($n pages): $t s"
done

# The build plugin: a second build with nothing changed runs nothing.
example="$repo/Examples/GraphExample"
swift build --package-path "$example" >/dev/null
noop=$(for i in $(seq 3); do seconds swift build --package-path "$example"; done | median)
echo "Examples/GraphExample no-op rebuild (median of 3): $noop s"

ok=1
[ "$(echo "$ratio <= 2.5" | bc)" = 1 ] || { echo "BAR MISSED: full compile ≤ 2.5× cat"; ok=0; }
[ "$rss" -le 307200 ] || { echo "BAR MISSED: peak RSS ≤ 300 MB"; ok=0; }
[ "$(echo "$noop <= 0.8" | bc)" = 1 ] || { echo "BAR MISSED: no-op plugin rebuild ≤ 0.8 s"; ok=0; }
[ "$ok" = 1 ] && echo "all bars met"
exit 0
