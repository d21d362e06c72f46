#!/usr/bin/env bash
# Runs every test of the solution on this machine, installing what the tests need first.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-postgres.sh || exit 1
if grep -rqs "Microsoft.Playwright" tests/*/*.csproj; then
  bash build/ensure-chromium.sh || exit 1
fi

log=$(mktemp)
dotnet test --solution CableArchive.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform ends with a "Test run summary" block over every test assembly:
# "total: N", "failed: N", "succeeded: N", "skipped: N".
summary=$(awk '
  /Test run summary/ { final = 1 }
  final && /^[[:space:]]+failed:[[:space:]]+[0-9]+/ { f = $2 }
  final && /^[[:space:]]+succeeded:[[:space:]]+[0-9]+/ { p = $2 }
  final && /^[[:space:]]+skipped:[[:space:]]+[0-9]+/ { s = $2 }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log")
rm -f "$log"

echo "$summary"
exit "$status"
