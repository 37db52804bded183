#!/usr/bin/env bash
# Benchmark: full compile of a corpus (pages → model JSON → Swift files), release build, against
# reading the same files with `cat` in the same run. Prints medians, the ratio, peak RSS, the
# recompile after one changed page (with the facts cache, --cache), the cost at 1/4, 1/2 and
# all of the corpus, and whether the bars are met.
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

for i in $(seq "$runs"); do seconds xargs -a "$work/all" cat; done | median > "$work/cat"
for i in $(seq "$runs"); do
  seconds "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift" --quiet
done | median > "$work/compile"
/usr/bin/time -o "$work/rss" -f "%M" "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift2" --quiet >/dev/null 2>&1 || true
rss=$(tail -1 "$work/rss")
for i in $(seq "$runs"); do seconds "$bin" compile "$corpus" --model "$work/model.json" --quiet; done | median > "$work/modelonly"
cat_s=$(cat "$work/cat"); compile_s=$(cat "$work/compile")
ratio=$(echo "scale=2; $compile_s / $cat_s" | bc)
echo "pages: $(wc -l < "$work/all")"
echo "cat (median of $runs): $cat_s s"
echo "full compile (median of $runs): $compile_s s; ratio to cat: $ratio; peak RSS: $((rss / 1024)) MB"
echo "of which pages → model only (median of $runs): $(cat "$work/modelonly") s"
echo "phases of one more full compile (ROUTESPEC_TIMINGS):"
ROUTESPEC_TIMINGS=1 "$bin" compile "$corpus" --model "$work/model.json" --swift "$work/swift3" --quiet 2>&1 >/dev/null | grep '^routespec: ' | sed 's/^/  /' || true

# One changed page: a copy of the corpus (real files, as a checkout has), one page of which each
# run edits: its title changes every run, so every run has one page, and one operation, that the
# caches have not seen.
mkdir -p "$work/edit"
cp -R "$corpus/." "$work/edit/"
first_page=$(head -1 "$work/all")
edited="$work/edit/${first_page#$corpus/}"
"$bin" compile "$work/edit" --model "$work/edit.json" --swift "$work/editswift" --cache "$work/cache" --quiet >/dev/null 2>&1 || true
unchanged=$(for i in $(seq "$runs"); do
  seconds "$bin" compile "$work/edit" --model "$work/edit.json" --swift "$work/editswift" --cache "$work/cache" --quiet
done | median)
retitle() { awk -v t="$1" '!done && /^# / { print "# " t; done = 1; next } { print }' "$first_page" > "$edited"; }
changed=$(for i in $(seq "$runs"); do
  retitle "Benchmark edit $i"
  seconds "$bin" compile "$work/edit" --model "$work/edit.json" --swift "$work/editswift" --cache "$work/cache" --quiet
done | median)
grep -q '^# Benchmark edit' "$edited" || { echo "the benchmark's edit did not change the page's title"; exit 1; }
echo "with --cache, nothing changed (median of $runs): $unchanged s"
echo "with --cache, one page's title changed (${first_page#$corpus/}, median of $runs): $changed s"
echo "phases of one more one-changed-page compile:"
retitle "Benchmark edit for the phases"
ROUTESPEC_TIMINGS=1 "$bin" compile "$work/edit" --model "$work/edit.json" --swift "$work/editswift" --cache "$work/cache" --quiet 2>&1 >/dev/null \
  | grep '^routespec: ' | sed 's/^/  /' || true
# The cached result must be the uncached one.
"$bin" compile "$work/edit" --model "$work/check.json" --swift "$work/checkswift" --quiet >/dev/null 2>&1 || true
cmp -s "$work/edit.json" "$work/check.json" && diff -rq "$work/editswift" "$work/checkswift" >/dev/null \
  || { echo "the cached compile differs from an uncached one"; exit 1; }

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

ok=1
[ "$(echo "$compile_s <= 1.0" | bc)" = 1 ] || { echo "BAR MISSED: full compile ≤ 1.0 s"; ok=0; }
[ "$(echo "$ratio <= 2.5" | bc)" = 1 ] || { echo "BAR MISSED: ≤ 2.5× cat"; ok=0; }
[ "$rss" -le 307200 ] || { echo "BAR MISSED: peak RSS ≤ 300 MB"; ok=0; }
[ "$(echo "$changed <= 0.2" | bc)" = 1 ] || { echo "BAR MISSED: one changed page ≤ 0.2 s"; ok=0; }
[ "$ok" = 1 ] && echo "all bars met"
exit 0
