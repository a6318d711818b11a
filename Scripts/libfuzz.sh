#!/usr/bin/env bash
# Coverage-guided fuzzing of the spec parser with libFuzzer (Fuzz/specwright-libfuzzer): the corpus pages are
# the seeds, the checks are Oracle's (the same as Scripts/fuzz.sh, the blind mutation fuzzer). Built with
# -sanitize=fuzzer into .build-fuzz, so the normal build stays as it is. What libFuzzer learns is kept in
# .build-fuzz/inputs for the next run; a crash, a hang or a broken promise is saved as fuzz-findings/crash-*,
# timeout-* or oom-*, and `.build-fuzz/release/specwright-libfuzzer FILE` shows it again.
#
#   bash Scripts/libfuzz.sh [SECONDS=60] [JOBS=1] [-- LIBFUZZER OPTIONS...]
# Exit 0 only when libFuzzer found nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${SPECWRIGHT_CORPUS:-$root/../shared/corpus/openai-api-markdown}"
seconds="${1:-60}"; jobs="${2:-1}"
shift $(( $# > 2 ? 2 : $# )); [ "${1:-}" = "--" ] && shift
bash "$root/Scripts/install-deps.sh"
cd "$root"
# lld: gold fails on the instrumented objects' debug information ("internal error in format_file_lineno").
build=(swift build -c release --build-path .build-fuzz --product specwright-libfuzzer
       -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER -Xswiftc -use-ld=lld)
"${build[@]}" >/dev/null 2>&1 || { "${build[@]}"; exit 1; }
mkdir -p .build-fuzz/inputs fuzz-findings
# The first folder receives the new inputs; the corpus (read recursively) is only read. A page may grow to
# the 4 MiB the loader accepts, but long inputs slow every execution: 256 KiB covers the largest page x4.
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144
         -dict=Fuzz/specwright.dict -artifact_prefix=fuzz-findings/ -print_final_stats=1 "$@")
if [ "$jobs" -gt 1 ]; then
  options+=(-jobs="$jobs" -workers="$jobs")
fi
.build-fuzz/release/specwright-libfuzzer "${options[@]}" .build-fuzz/inputs "$corpus"
