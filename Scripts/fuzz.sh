#!/usr/bin/env bash
# Builds a libFuzzer target over the compiler's sources and runs it for a given time, seeded with
# real pages. Usage: Scripts/fuzz.sh scanner|extractor|pipeline SECONDS [more libFuzzer flags]
# Crashes land in .build-fuzz/artifacts/TARGET/; keep each as a regression test by copying it to
# Tests/RouteSpecCoreTests/FuzzRegressions/ (FuzzRegressionTests compiles every file there).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?target: scanner, extractor or pipeline}"
seconds="${2:-60}"
shift 2 || true
case "$target" in
  scanner) entry=ScannerTarget.swift ;;
  extractor) entry=ExtractorTarget.swift ;;
  pipeline) entry=PipelineTarget.swift ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
work="$repo/.build-fuzz"
mkdir -p "$work/artifacts/$target" "$work/corpus/$target"
binary="$work/fuzz-$target"
sources=$(find "$repo/Sources/RouteSpecCore" -name '*.swift' | sort)
shared_sources=$(find "$repo/Sources/RouteSpecShared" -name '*.swift' | sort)
# sed reads to the end: with pipefail, `head` closing the pipe early can fail the script.
newest=$(ls -t $sources $shared_sources "$repo/Fuzz/$entry" | sed -n 1p)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
  echo "building $binary"
  swiftc -sanitize=fuzzer,address -O -g -parse-as-library -module-name RouteSpecShared -emit-module \
    -emit-module-path "$work/RouteSpecShared.swiftmodule" -emit-library -static -o "$work/libRouteSpecShared.a" $shared_sources
  swiftc -sanitize=fuzzer,address -O -g -parse-as-library -module-name RouteSpecCore -I "$work" -L "$work" -lRouteSpecShared \
    $sources "$repo/Fuzz/$entry" -o "$binary"
fi
# Seeds: the repo's pages, the regressions, and a fixed sample of the
# shared corpora when present.
seeds=("$repo/spec")
seeds+=("$repo/Tests/RouteSpecCoreTests/FuzzRegressions")
shared="$repo/../shared"
if [ -d "$shared/corpus" ]; then
  sample="$work/seeds"
  if [ ! -d "$sample" ]; then
    mkdir -p "$sample"
    find "$shared/corpus" "$shared/seeds" -name '*.md' | sort | awk 'NR % 25 == 0' | while read -r f; do
      cp "$f" "$sample/$(echo "$f" | md5sum | cut -c1-12).md"
    done
  fi
  seeds+=("$sample")
else
  echo "note: ../shared not present; seeding with spec/ only"
fi
# The Swift runtime's own crash backtracer trips AddressSanitizer; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
exec "$binary" "$work/corpus/$target" "${seeds[@]}" -max_total_time="$seconds" -max_len=131072 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix="$work/artifacts/$target/" -print_final_stats=1 "$@"
