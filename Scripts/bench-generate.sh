#!/usr/bin/env bash
# Times `specwright generate` (parse, model, render, write) over the whole corpus in one release-mode process,
# RUNS times (default 7) into an empty folder each time, and reports the median wall time and peak memory.
# Then the same over the corpus repeated 4 times under different folder names, to show how time grows.
# Targets (issue 5): under 0.3 s for the corpus; no worse than linear for 4x.
# Output goes under $TMPDIR (mktemp): on this VM the disk's writeback makes runs vary 2x; TMPDIR=/dev/shm
# measures the generator without it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus/openai-api-markdown}"
runs="${RUNS:-7}"
[ -d "$corpus" ] || { echo "bench-generate: no corpus at $corpus (set CORPUS)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
bash Scripts/install-deps.sh
swift build -c release --product specwright >"$work/tool-build.log" 2>&1 \
  || { cat "$work/tool-build.log"; echo "bench-generate: specwright does not build" >&2; exit 1; }
tool="$root/.build/release/specwright"

# Four copies of the corpus, each under its own folder name (copies: the loader reads a linked folder once).
mkdir -p "$work/x4"
for name in alpha beta gamma delta; do cp -R "$corpus" "$work/x4/$name"; done

measure() {  # measure LABEL SPECS: prints the median seconds and peak MB of RUNS runs
  local label="$1" specs="$2" times=() peaks=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$tool" generate "$specs" --module Bench \
      --output "$work/out/Bench" --tests-output "$work/out/BenchTests" 2>/dev/null
    read -r seconds kb <"$work/time.txt"
    times+=("$seconds"); peaks+=("$kb")
  done
  python3 - "$label" "${times[*]}" "${peaks[*]}" <<'PY'
import statistics, sys
label, times, peaks = sys.argv[1], [float(t) for t in sys.argv[2].split()], [int(p) for p in sys.argv[3].split()]
print(f"{label}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}), peak {statistics.median(peaks)/1024:.0f} MB, {len(times)} runs")
PY
}

echo "specwright generate, release, one process, empty output folder each run"
one=$(measure "corpus (536 pages)" "$corpus"); echo "$one"
four=$(measure "corpus x4 (2144 pages)" "$work/x4"); echo "$four"
python3 - "$one" "$four" <<'PY'
import re, sys
a = float(re.search(r"median ([0-9.]+)", sys.argv[1]).group(1)); b = float(re.search(r"median ([0-9.]+)", sys.argv[2]).group(1))
print(f"x4 / x1 time: {b / a:.2f} (linear would be 4.00)   target for the corpus: < 0.3 s: {'met' if a < 0.3 else 'MISSED'}")
PY
