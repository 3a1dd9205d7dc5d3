#!/usr/bin/env bash
# Native AOT: publish the sample, require zero trim/AOT warnings (IL2xxx/IL3xxx), then run the
# native binary on the embedded example and on an invalid file.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
log="$out/publish.log"
dotnet publish "$repo/samples/HppSample" -c Release -r linux-x64 -p:PublishAot=true -o "$out/bin" -nologo 2>&1 | tee "$log"
if grep -E "warning IL[23][0-9]{3}" "$log"; then
  echo "AOT publish produced trim/AOT warnings"; exit 1
fi
"$out/bin/HppSample" | tee "$out/run.log"
grep -q '^valid$' "$out/run.log"
grep -q '"session_id":"9cbc9884-1fdb-45a8-9694-9340340d0436"' "$out/run.log"
echo '{"session_id": 5}' > "$out/bad.json"
set +e
"$out/bin/HppSample" "$out/bad.json"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "expected exit 1 for an invalid document, got $code"; exit 1; }
echo "AOT check passed"
