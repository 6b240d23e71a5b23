#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine that has only the .NET SDK: installs what the
# tests need first (Debian packages), then builds and runs every test project, and ends with one
# line "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

bash "$root/scripts/install-test-deps.sh"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet build Stowage.slnx -c Release --nologo -v quiet -clp:ErrorsOnly || exit 1
dotnet test Stowage.slnx -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" "$@" || status=$?

python3 "$root/scripts/summarize-trx.py" "$results" || status=1
exit $status
