#!/usr/bin/env bash
# Runs the whole test suite (Swift Testing). The corpus tests read ../shared/corpus and are
# skipped, loudly, where it is absent.
#
# In two runs: the generator's tests (SpecwrightCoreTests: the corpus, the fuzzer, 10 MB pages, the CLI as
# child processes) compute or block for tens of seconds on the test tasks' threads, and Swift Testing has
# one such thread per core; run beside them, the client's loopback tests wait for a thread and their time
# limits fail. Separately, each run has the threads to itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
status=0
swift test --skip-build --disable-xctest --skip SpecwrightCoreTests || status=1
swift test --skip-build --disable-xctest --filter SpecwrightCoreTests || status=1
exit $status
