#!/usr/bin/env bash
# Benchmarks `specwright diff` in release mode: the whole OpenAI reference against a copy of itself with one
# page changed (an enum value added to chatkit/threads/list.md). Prints the median wall time of RUNS runs
# (default 7) and checks the change is found. Target: under 0.5 s.
#
#   Scripts/bench-diff.sh            # CORPUS=DIR for another corpus, RUNS=N
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus/openai-api-markdown}"
[ -d "$corpus" ] || { echo "bench-diff: no corpus at $corpus" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
bash Scripts/install-deps.sh
swift build -c release --product specwright >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
tool="$(swift build -c release --show-bin-path)/specwright"

cp -R "$corpus" "$work/new"
python3 - "$work/new/chatkit/threads/list.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
assert "Enum: 'asc', 'desc'." in text
open(path, "w").write(text.replace("Enum: 'asc', 'desc'.", "Enum: 'asc', 'desc', 'relevance'.", 1))
PY

"$tool" diff "$corpus" "$work/new" >"$work/diff.md"
grep -q 'enum value "relevance" added' "$work/diff.md" || { cat "$work/diff.md"; echo "FAIL: the change was not found" >&2; exit 1; }
runs="${RUNS:-7}"
: >"$work/times.txt"
for run in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$tool" diff "$corpus" "$work/new" >/dev/null
  cat "$work/time.txt" >>"$work/times.txt"
done
median="$(sort -n "$work/times.txt" | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')"
peak="$(sort -n -k2 "$work/times.txt" | tail -1 | cut -d' ' -f2)"
echo "specwright diff, whole reference, one page changed: median ${median} s of $runs runs ($(cut -d' ' -f1 "$work/times.txt" | sort -n | paste -sd' ') s), $((peak / 1024)) MB peak"
python3 -c "import sys; sys.exit(0 if float('$median') < 0.5 else 1)" && echo "target < 0.5 s: met" || echo "target < 0.5 s: MISSED"
