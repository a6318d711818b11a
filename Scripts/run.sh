#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, build, lint Specs/ and generate the ChatKit SDK
# into Generated/ from it. Also writes the intermediate model to .build/Specs.ir.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --product specwright
.build/debug/specwright lint Specs
.build/debug/specwright ir Specs > .build/Specs.ir.json
echo "Wrote the intermediate model of Specs/ to .build/Specs.ir.json" >&2
.build/debug/specwright generate --config Sources/ChatKit/specwright.json
