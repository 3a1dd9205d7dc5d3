#!/usr/bin/env bash
# Accepts every pending snapshot: each *.received.cs replaces its *.verified.cs.
# Run the tests first (dotnet test); review the .received files (git diff after accepting shows them).
set -euo pipefail
cd "$(dirname "$0")"
found=0
while IFS= read -r -d '' received; do
  mv -f "$received" "${received%.received.cs}.verified.cs"
  echo "accepted ${received%.received.cs}.verified.cs"
  found=1
done < <(find . -name '*.received.cs' -print0)
[ "$found" = 1 ] || echo "no pending snapshots"
