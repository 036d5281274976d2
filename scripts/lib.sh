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

ensure_dotnet_restore() {
  require dotnet ".NET SDK, see global.json"
  echo "==> dotnet restore"
  (cd "$repo_root" && dotnet restore Ombudsman.sln --nologo -v quiet)
}
