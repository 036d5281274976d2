#!/usr/bin/env bash
# Runs every check and test of the project on a fresh machine; exits non-zero on any failure.
# Tests start their own Azurite (from node_modules) on free loopback ports; no emulator needs to be running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_node_packages
ensure_chromium
ensure_dotnet_restore
check_bicep

echo "==> dotnet build (warnings are errors)"
dotnet build Ombudsman.sln --no-restore --nologo -v quiet -c Release

echo "==> dotnet format --verify-no-changes (code style from .editorconfig)"
dotnet format Ombudsman.sln --verify-no-changes --no-restore -v q

echo "==> README.md and docs/*.md: every quoted path and command exists"
bash scripts/check-docs.sh

echo "==> dotnet test"
results_dir="$repo_root/TestResults"
rm -rf "$results_dir" && mkdir -p "$results_dir"
status=0
dotnet test Ombudsman.sln --no-build --nologo -c Release --results-directory "$results_dir" \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" 2>&1 | tee "$results_dir/console.log" || status=$?

# One plain closing line summed over every test project's summary line.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1) + 0; if ($i == "Passed:") p += $(i + 1) + 0; if ($i == "Skipped:") s += $(i + 1) + 0
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$results_dir/console.log")
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "error: no test ran" >&2; exit 1; fi
if [ "$failed" -ne 0 ] && [ "$status" -eq 0 ]; then status=1; fi
exit "$status"
