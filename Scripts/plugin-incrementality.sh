#!/usr/bin/env bash
# Proves that the build plugin regenerates exactly when it should, on a scratch copy of Examples/ChatKitDemo:
#   1. a first build runs the generator;
#   2. a build with nothing changed does not (the plugin's "Generating Swift from N spec pages" step is absent,
#      and the generated files keep their timestamps);
#   3. touching one spec runs it, and only that page's generated file changes;
#   4. adding a spec page is picked up (its file appears, the code compiles);
#   5. deleting it removes its code;
#   5b. an overlay (`*.overlay.md`) in the spec folder is an input: adding, editing and removing it reruns the
#      generator, its correction reaches the code, and it generates no file of its own;
#   6. a spec with an error fails the build with a message naming the Markdown file and line;
#   7. the docs' warnings print as specwright.json's `buildWarnings` says: one line by default (a package that
#      depends on the SDK cannot act on them), each at its line with "all", nothing with "none".
# Prints the no-op build time and the time one changed spec adds. Exit 0 only if every step holds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/Scripts/install-deps.sh"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# The example depends on the repository through "../..": mirror the repository (links) two levels up.
mkdir -p "$work/Examples"
for entry in "$root"/* "$root"/.gitignore; do
  name="$(basename "$entry")"
  [ "$name" = "Examples" ] && continue
  ln -s "$entry" "$work/$name"
done
cp -R "$root/Examples/ChatKitDemo" "$work/Examples/ChatKitDemo"
demo="$work/Examples/ChatKitDemo"
rm -rf "$demo/.build" "$demo/Sources/ChatKitDemoAPI/Specs"
cp -R "$root/Specs" "$demo/Sources/ChatKitDemoAPI/Specs"   # a real copy, to change
specs="$demo/Sources/ChatKitDemoAPI/Specs/chatkit/threads"
out="$demo/.build/plugins/outputs/chatkitdemo/ChatKitDemoAPI/destination/SpecwrightBuildPlugin/GeneratedSources"

fail() { echo "FAIL: $*" >&2; exit 1; }
build() {  # build; the log is in $log, the wall time in $seconds
  log="$work/build.log"
  local start end status=0
  start=$(date +%s.%N)
  (cd "$demo" && swift build --product chatkit-demo) >"$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
  return $status
}
ran() { grep -q "Generating Swift from" "$log"; }
stamp() { stat -c '%Y.%N' "$out/$1"; }

echo "1. first build (builds the generator too)"
build || { cat "$log"; fail "first build failed"; }
ran || fail "the generator did not run on the first build"
[ -f "$out/chatkit.threads.list.swift" ] || fail "no generated chatkit.threads.list.swift"
echo "   generator ran; ${seconds}s"
grep -q "warning: response example" "$log" && fail "the default build printed the docs' warnings one by one"
grep -q "12 warnings in the specs (specwright lint shows them)" "$log" || { cat "$log"; fail "the default build did not count the docs' warnings"; }
echo "   the docs' 12 warnings are one line: $(grep -o "12 warnings in the specs[^)]*)" "$log" | head -1)"
# The build after the one that resolved the packages (and wrote Package.resolved) plans again once, which
# relinks the plugin's tool and so reruns it; from then on a build with nothing changed is a no-op.
build || { cat "$log"; fail "second build failed"; }

echo "2. build again, nothing changed"
before_list=$(stamp chatkit.threads.list.swift); before_object=$(stamp chatkit.threads.object.swift)
build || { cat "$log"; fail "no-op build failed"; }
ran && fail "the generator ran although nothing changed"
[ "$(stamp chatkit.threads.list.swift)" = "$before_list" ] || fail "a generated file was rewritten"
noop=$seconds
echo "   generator did not run (no 'Generating Swift' step, generated files untouched); ${noop}s"

echo "3. change one spec (a description in list.md)"
sed -i 's/List ChatKit threads with optional pagination and user filters./List the ChatKit threads, a page at a time./' "$specs/list.md"
object_text=$(cat "$out/chatkit.threads.object.swift")
build || { cat "$log"; fail "build after a spec change failed"; }
ran || fail "the generator did not run after a spec changed"
changed=$seconds
grep -q "List the ChatKit threads, a page at a time." "$out/chatkit.threads.list.swift" || fail "the change is not in the generated list file"
[ "$(cat "$out/chatkit.threads.object.swift")" = "$object_text" ] || fail "an unrelated generated file changed"
[ "$(stamp chatkit.threads.object.swift)" = "$before_object" ] || fail "an unrelated generated file was rewritten"
echo "   generator ran; only chatkit.threads.list.swift changed; ${changed}s"

echo "4. add a spec page (delete.md)"
cat > "$specs/delete.md" <<'PAGE'
# Delete ChatKit thread

`DELETE /v1/chatkit/threads/{thread_id}`

Delete a ChatKit thread.

## Parameters
- `thread_id` (path, string, required): Identifier of the ChatKit thread to delete.

## Responses
### 200
Success
#### application/json
- `id` (string, required): Identifier of the deleted thread.
- `object` (string, required): Always `chatkit.thread.deleted`. Enum: 'chatkit.thread.deleted'.
- `deleted` (boolean, required): Whether the thread was deleted.
PAGE
build || { cat "$log"; fail "build after adding a page failed"; }
ran || fail "the generator did not run after a page was added"
grep -q "func delete(threadID: String" "$out/chatkit.threads.delete.swift" || fail "the new page's method was not generated"
echo "   picked up: chatkit.threads.delete.swift has delete(threadID:); ${seconds}s"

echo "5. delete that page"
rm "$specs/delete.md"
build || { cat "$log"; fail "build after deleting a page failed"; }
ran || fail "the generator did not run after a page was deleted"
[ ! -e "$out/chatkit.threads.delete.swift" ] || fail "the deleted page's code is still there"
echo "   its code is gone; ${seconds}s"

echo "5b. an overlay in the spec folder"
overlay="$demo/Sources/ChatKitDemoAPI/Specs/fixes.overlay.md"
cat > "$overlay" <<'OVERLAY'
# Fixes

## chatkit/threads/object.md
- `user` (string, optional): Threads made before users existed have none.
OVERLAY
build || { cat "$log"; fail "build after adding an overlay failed"; }
ran || fail "the generator did not run after an overlay was added"
grep -q "public var user: String?" "$out/chatkit.threads.object.swift" || fail "the overlay's correction is not in the generated code"
ls "$out" | grep -qi "overlay\|fixes" && fail "the overlay generated a file of its own"
sed -i 's/(string, optional)/(string | null, optional)/' "$overlay"
build || { cat "$log"; fail "build after editing the overlay failed"; }
ran || fail "the generator did not run after the overlay changed"
grep -q "public var user: Nullable<String>?" "$out/chatkit.threads.object.swift" || fail "the overlay's edit is not in the generated code"
rm "$overlay"
build || { cat "$log"; fail "build after removing the overlay failed"; }
ran || fail "the generator did not run after the overlay was removed"
grep -q "public var user: String$" "$out/chatkit.threads.object.swift" || fail "the overlay's correction outlived it"
echo "   added, edited and removed: the generator reran each time and the code followed; ${seconds}s"

echo "6. a spec with an error"
sed -i 's/`limit` (query, integer, optional)/`limit` (query, integr, optional)/' "$specs/list.md"
if build; then fail "the build succeeded with a broken spec"; fi
grep -E "Specs/chatkit/threads/list.md:10:[0-9]+: error: malformed type 'integr'" "$log" >/dev/null \
  || { cat "$log"; fail "the error does not name the Markdown file and line"; }
echo "   build failed with: $(grep -o "[^ ]*list.md:10:[0-9]*: error: [^(]*" "$log" | head -1 | sed "s|$work/||")"

echo "7. buildWarnings: all, then none"
sed -i 's/`limit` (query, integr, optional)/`limit` (query, integer, optional)/' "$specs/list.md"
config="$demo/Sources/ChatKitDemoAPI/specwright.json"
python3 - "$config" all <<'PY'
import json, sys
path, value = sys.argv[1], sys.argv[2]
settings = json.load(open(path)); settings["buildWarnings"] = value
json.dump(settings, open(path, "w"), indent=2)
PY
build || { cat "$log"; fail "build with buildWarnings all failed"; }
count=$(grep -c "warning: response example" "$log" || true)
[ "$count" -ge 12 ] || { cat "$log"; fail "buildWarnings all printed $count of the 12 warnings"; }
echo "   all: $count warnings, each at its line"
python3 - "$config" none <<'PY'
import json, sys
path, value = sys.argv[1], sys.argv[2]
settings = json.load(open(path)); settings["buildWarnings"] = value
json.dump(settings, open(path, "w"), indent=2)
PY
build || { cat "$log"; fail "build with buildWarnings none failed"; }
ran || fail "the generator did not run after specwright.json changed"
grep -q "warning" "$log" && { cat "$log"; fail "buildWarnings none still printed warnings"; }
echo "   none: nothing printed"

echo
echo "incrementality holds: no-op build ${noop}s; one changed spec ${changed}s (generator + one file recompiled)"
