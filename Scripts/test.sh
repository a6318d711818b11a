#!/usr/bin/env bash
# Runs the whole test suite (Swift Testing). The corpus tests read ../shared/corpus and are
# skipped, loudly, where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build --disable-xctest
