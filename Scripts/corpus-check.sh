#!/usr/bin/env bash
# Generates the whole OpenAI reference (../shared/corpus/openai-api-markdown, or $CORPUS) into a scratch package,
# builds it from clean in debug mode (zero errors and zero warnings required), builds and runs its generated
# round-trip tests, and prints: pages, endpoints, types emitted, schemas merged by deduplication, generated
# lines, generation time, clean build time and peak memory, examples round-tripped and defective.
# Exit 0 only when everything builds without a warning and every test passes (known issues included).
#
#   Scripts/corpus-check.sh                  # as CI runs it: one clean build of the generated module
#   BUILD_RUNS=5 Scripts/corpus-check.sh     # the build-time benchmark: five clean builds, median and peak
#   KEEP=1 CORPUS=DIR Scripts/corpus-check.sh  # keep the scratch package; another corpus
#   OVERLAY=Tests/Overlays/openai-reference.overlay.md Scripts/corpus-check.sh  # with an overlay (as CI runs it)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus/openai-api-markdown}"
if [ ! -d "$corpus" ]; then
  echo "corpus-check: no corpus at $corpus; set CORPUS or put ../shared beside the repository" >&2
  exit 2
fi
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

cd "$root"
bash Scripts/install-deps.sh
swift build --product specwright >"$work/tool-build.log" 2>&1 \
  || { cat "$work/tool-build.log"; echo "FAIL: specwright does not build" >&2; exit 1; }
tool="$root/.build/debug/specwright"

package="$work/OpenAICorpus"
mkdir -p "$package/Sources/OpenAI" "$package/Tests/OpenAITests"
cat > "$package/Package.swift" <<MANIFEST
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "OpenAICorpus",
    dependencies: [.package(name: "Specwright", path: "$root")],
    targets: [
        .target(name: "OpenAI", dependencies: [.product(name: "SpecwrightRuntime", package: "Specwright")]),
        .testTarget(name: "OpenAITests", dependencies: ["OpenAI", .product(name: "SpecwrightRuntime", package: "Specwright")]),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST

echo "== generate"
overlay_arguments=()
if [ -n "${OVERLAY:-}" ]; then overlay_arguments=(--overlay "$(cd "$(dirname "$OVERLAY")" && pwd)/$(basename "$OVERLAY")"); fi
"$tool" generate "$corpus" --module OpenAI --output "$package/Sources/OpenAI" \
  --tests-output "$package/Tests/OpenAITests" --summary "${overlay_arguments[@]}" 2>"$work/generate.err" | tee "$work/summary.txt"

cd "$package"
swift package resolve >/dev/null 2>&1
# The runtime is not what is measured: build it first, then the generated module alone, from clean,
# BUILD_RUNS times (default 1; the figure reported is the median, the memory the largest peak).
runs="${BUILD_RUNS:-1}"
echo "== clean debug build of the generated module ($runs run(s))"
: >"$work/builds.txt"
for run in $(seq "$runs"); do
  rm -rf .build/*/debug/OpenAI.build .build/*/debug/Modules/OpenAI.*
  touch Package.swift
  swift build --target SpecwrightRuntime >/dev/null 2>&1
  /usr/bin/time -f '%e %M' -o "$work/time.txt" swift build --target OpenAI >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; echo "FAIL: the generated module does not build" >&2; exit 1; }
  if grep -E "(error|warning):" "$work/build.log"; then echo "FAIL: the build has diagnostics" >&2; exit 1; fi
  read -r seconds kb <"$work/time.txt"
  echo "clean build $run: ${seconds} s wall, $((kb / 1024)) MB peak (swift build --target OpenAI)"
  echo "$seconds $kb" >>"$work/builds.txt"
done
build_seconds="$(sort -n "$work/builds.txt" | awk '{ wall[NR] = $1 } END { print (NR % 2) ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2 }')"
build_kb="$(sort -n -k2 "$work/builds.txt" | tail -1 | cut -d' ' -f2)"
build_note=""
if [ "$runs" -gt 1 ]; then build_note=" (median of $runs runs: $(cut -d' ' -f1 "$work/builds.txt" | sort -n | paste -sd' ') s)"; fi

echo "== round-trip tests"
swift build --build-tests >"$work/tests-build.log" 2>&1 || { cat "$work/tests-build.log"; echo "FAIL: tests do not build" >&2; exit 1; }
if grep -E "(error|warning):" "$work/tests-build.log"; then echo "FAIL: the test build has diagnostics" >&2; exit 1; fi
swift test --skip-build --disable-xctest >"$work/tests.log" 2>&1 || { grep -E "✘" "$work/tests.log" | head -20; echo "FAIL: round-trip tests failed" >&2; exit 1; }
tail -1 "$work/tests.log"

echo
echo "== corpus summary"
cat "$work/summary.txt"
echo "clean build time: ${build_seconds} s wall${build_note}, $((build_kb / 1024)) MB peak"
