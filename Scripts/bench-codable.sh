#!/usr/bin/env bash
# Benchmarks Codable with the generated ChatKit types against a hand-written Codable struct of the same
# shape: builds `chatkit-codable-benchmark` in release and runs it. It decodes and re-encodes a list page of
# 100 threads with each, with the runtime's decoder (what generated clients use) and then with Foundation's
# JSONDecoder, both with the runtime's encoder, and prints the median time per page, pages per second and the
# ratio (target, with the runtime's decoder: the generated types at >= 0.9x the hand-written speed).
#
#   Scripts/bench-codable.sh                          # defaults: 15 runs x 300 iterations, median
#   Scripts/bench-codable.sh --runs 25 --iterations 500
#   SCRATCH_PATH=.build-bench Scripts/bench-codable.sh    # build into another folder than .build
#   PACKAGE_PATH=/tmp/bench Scripts/bench-codable.sh      # another package that has the target
#
# Arguments are passed to the benchmark (--threads N, --iterations N, --runs N, --warmup N,
# --decoder runtime|foundation, --only generated|hand). A relative SCRATCH_PATH or PACKAGE_PATH is taken relative to the repository root.
# Fails when the build fails or the benchmark exits non-zero; a missed target is reported, not a failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash Scripts/install-deps.sh

package="${PACKAGE_PATH:-.}"
package="$(cd "$package" && pwd)"
scratch="${SCRATCH_PATH:-$package/.build}"

echo "Building chatkit-codable-benchmark (release, package $package, scratch path $scratch)..." >&2
swift build -c release --product chatkit-codable-benchmark --package-path "$package" --scratch-path "$scratch" >&2
binary="$(swift build -c release --package-path "$package" --scratch-path "$scratch" --show-bin-path)/chatkit-codable-benchmark"
if [ ! -x "$binary" ]; then
  echo "error: the build did not produce $binary" >&2
  exit 1
fi

"$binary" "$@"
