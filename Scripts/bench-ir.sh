#!/usr/bin/env bash
# Benchmarks `specwright ir` on the OpenAI reference corpus: builds the release binary, runs it RUNS times
# (default 10) and prints the median, min and max wall time and the median peak RSS, next to the targets
# (under 0.2 s wall, under 100 MB peak).
#
#   Scripts/bench-ir.sh                      # 10 runs on ../shared/corpus/openai-api-markdown
#   RUNS=20 CORPUS=/path/to/corpus Scripts/bench-ir.sh
#   SCRATCH_PATH=.build-bench Scripts/bench-ir.sh   # build into another folder than .build
#   MEASURER=python3 Scripts/bench-ir.sh    # measure with Python's resource module instead of GNU time
#
# A relative CORPUS or SCRATCH_PATH is taken relative to the repository root.
# Fails when the corpus is absent, the build fails, or a run exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs="${RUNS:-10}"
corpus="${CORPUS:-../shared/corpus/openai-api-markdown}"
scratch="${SCRATCH_PATH:-.build}"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "error: RUNS must be a positive integer, got '$runs'" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "error: corpus not found at '$corpus' (resolved from $root)." >&2
  echo "       Put ../shared beside the repository or set CORPUS to the folder of Markdown pages." >&2
  exit 2
fi
corpus="$(cd "$corpus" && pwd)"

bash "$root/Scripts/install-deps.sh"
echo "Building specwright (release, scratch path $scratch)..." >&2
swift build -c release --product specwright --scratch-path "$scratch" >&2
binary="$scratch/release/specwright"
if [ ! -x "$binary" ]; then
  echo "error: the build did not produce $binary" >&2
  exit 1
fi

# How to measure one run: GNU time gives the peak RSS; without it, a small Python wrapper does both.
if [ -n "${MEASURER:-}" ]; then
  measurer="$MEASURER"
  if [ "$measurer" != "gnu-time" ] && [ "$measurer" != "python3" ]; then
    echo "error: MEASURER must be gnu-time or python3, got '$measurer'" >&2
    exit 2
  fi
elif [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
  measurer="gnu-time"
elif command -v python3 >/dev/null 2>&1; then
  measurer="python3"
else
  echo "error: neither GNU /usr/bin/time nor python3 is available to measure peak memory" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs the binary once; prints "<wall seconds> <peak RSS in KB>". Fails when the run fails.
measure_once() {
  local status=0
  case "$measurer" in
    gnu-time)
      local start end
      start=$(date +%s%N)
      /usr/bin/time -f '%M' -o "$work/time" "$binary" ir "$corpus" >/dev/null 2>"$work/stderr" || status=$?
      end=$(date +%s%N)
      if [ "$status" -ne 0 ]; then
        echo "error: '$binary ir $corpus' exited with status $status:" >&2
        tail -n 20 "$work/stderr" >&2
        return 1
      fi
      awk -v ns=$((end - start)) 'END { printf "%.4f %d\n", ns / 1e9, $1 }' "$work/time"
      ;;
    python3)
      python3 -c '
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[3], "wb") as err:
    status = subprocess.call([sys.argv[1], "ir", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=err)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes on macOS, KB on Linux
if status != 0:
    sys.exit(status)
print("%.4f %d" % (wall, peak))
' "$binary" "$corpus" "$work/stderr" || status=$?
      if [ "$status" -ne 0 ]; then
        echo "error: '$binary ir $corpus' exited with status $status:" >&2
        tail -n 20 "$work/stderr" >&2
        return 1
      fi
      ;;
  esac
}

files=$(find "$corpus" -name '*.md' | wc -l | tr -d ' ')
echo "Corpus: $corpus ($files Markdown files); $runs runs; measured with $measurer" >&2

# One untimed run warms the file cache and checks that the command succeeds.
measure_once >/dev/null
for ((i = 1; i <= runs; i++)); do
  measure_once >>"$work/results"
done

# Median of a column of numbers (the mean of the middle two for an even count).
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

wall_median=$(cut -d' ' -f1 "$work/results" | median)
wall_min=$(cut -d' ' -f1 "$work/results" | sort -n | head -n 1)
wall_max=$(cut -d' ' -f1 "$work/results" | sort -n | tail -n 1)
rss_median_kb=$(cut -d' ' -f2 "$work/results" | median)

awk -v med="$wall_median" -v min="$wall_min" -v max="$wall_max" -v rss="$rss_median_kb" -v runs="$runs" 'BEGIN {
  mb = rss / 1024
  printf "specwright ir, %d runs\n", runs
  printf "wall time  median %.3f s  min %.3f s  max %.3f s   target < 0.2 s: %s\n", med, min, max, (med < 0.2 ? "met" : "MISSED")
  printf "peak RSS   median %.1f MB                            target < 100 MB: %s\n", mb, (mb < 100 ? "met" : "MISSED")
}'
