#!/usr/bin/env bash
# Fuzzes the spec parser for a given time: deterministic mutants of the corpus pages through the whole
# pipeline (Fuzz/specwright-fuzz), one process per core, each with its own seed. Findings (broken promises)
# are written to fuzz-findings/ as the mutant and what went wrong; a crash or a hang stops that process and
# prints the seed and iteration that make the mutant again:
#   .build/release/specwright-fuzz CORPUS --seed S --reproduce I > mutant.md
#
#   bash Scripts/fuzz.sh [SECONDS=60] [FIRST_SEED=1] [JOBS=nproc]
# Exit 0 only when no process found anything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${SPECWRIGHT_CORPUS:-$root/../shared/corpus/openai-api-markdown}"
seconds="${1:-60}"; first="${2:-1}"; jobs="${3:-$(nproc)}"
bash "$root/Scripts/install-deps.sh"
(cd "$root" && swift build -c release --product specwright-fuzz >/dev/null 2>&1) \
  || { (cd "$root" && swift build -c release --product specwright-fuzz) ; exit 1; }
work="$(mktemp -d)"
status=0
for job in $(seq 0 $((jobs - 1))); do
  (cd "$work" && "$root/.build/release/specwright-fuzz" "$corpus" --seed $((first + job)) --seconds "$seconds" \
     --findings "$root/fuzz-findings" > "$work/job-$job.log" 2>&1) &
done
for job in $(seq 0 $((jobs - 1))); do wait -n || status=1; done
cat "$work"/job-*.log | grep -E "^seed |CRASH|HANG|^finding" || true
for job in $(seq 0 $((jobs - 1))); do
  grep -qE "^seed |CRASH|HANG" "$work/job-$job.log" \
    || { echo "job $job (seed $((first + job))) died without a report (a crash on a worker thread): $(tail -1 "$work/job-$job.log")"; status=1; }
done
total=$(awk '/^seed [0-9]+: /{sum += $3} END {print sum + 0}' "$work"/job-*.log)
echo "total: ${total:-0} executions in ${seconds} s on ${jobs} processes"
rm -rf "$work"
exit $status
