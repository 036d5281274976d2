#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: installs what a fresh machine lacks.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required but not on PATH ($2)" >&2; exit 1; }
}

ensure_node_packages() {
  require node "Node.js runs the Azurite storage emulator"
  require npm "npm installs Azurite from package-lock.json"
  local stamp="$repo_root/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$repo_root/package-lock.json" -nt "$stamp" ]; then
    echo "==> npm ci (Azurite)"
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's chromium for the browser tests (Playwright drives it; its own browser download is not reachable here).
ensure_chromium() {
  local chromium="${OMBUDSMAN_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  echo "==> apt-get install chromium (browser tests)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$chromium" ] || { echo "error: chromium is still missing at $chromium" >&2; exit 1; }
}

ensure_dotnet_restore() {
  require dotnet ".NET SDK, see global.json"
  echo "==> dotnet restore"
  (cd "$repo_root" && dotnet restore Ombudsman.sln --nologo -v quiet)
}

# Path of the bicep CLI that restore fetched (PackageDownload in tests/Ombudsman.Infra.Tests, version pinned in
# Directory.Packages.props). MSBuild resolves it, so NUGET_PACKAGES and the pin are honoured in one place.
bicep_path() {
  local path
  path="$(cd "$repo_root" && dotnet msbuild tests/Ombudsman.Infra.Tests/Ombudsman.Infra.Tests.csproj \
    -nologo -getProperty:BicepPath)"
  if [ ! -f "$path" ]; then
    echo "error: bicep CLI not found at '$path'; run dotnet restore first" >&2
    return 1
  fi
  # NuGet extracts the binary with the owner's execute bit only; make sure whoever runs the scripts can run it.
  [ -x "$path" ] || chmod +x "$path"
  printf '%s\n' "$path"
}

# Builds and lints every Bicep file under infra/bicep; a warning fails like an error (the C# build treats
# warnings as errors too), so the templates stay lint-clean.
check_bicep() {
  local bicep file diagnostics failed=0
  bicep="$(bicep_path)"
  echo "==> bicep build + lint ($("$bicep" --version))"
  while IFS= read -r file; do
    # build catches what ARM would reject; lint repeats compile errors and adds the linter's warnings.
    case "$file" in
      *.bicepparam) diagnostics="$("$bicep" build-params "$file" --stdout 2>&1 >/dev/null)" || failed=1 ;;
      *) diagnostics="$("$bicep" build "$file" --stdout 2>&1 >/dev/null)" || failed=1 ;;
    esac
    [ -n "$diagnostics" ] || diagnostics="$("$bicep" lint "$file" 2>&1)" || failed=1
    if [ -n "$diagnostics" ]; then
      printf '%s\n' "$diagnostics" >&2
      failed=1
    fi
  done < <(find "$repo_root/infra/bicep" -type f \( -name '*.bicep' -o -name '*.bicepparam' \) | sort)
  if [ "$failed" -ne 0 ]; then
    echo "error: bicep build/lint reported problems (above)" >&2
    return 1
  fi
}
