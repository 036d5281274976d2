#!/usr/bin/env bash
# Runs the app locally on a fresh machine: installs what is missing, starts Azurite with its data under
# .data/azurite (git-ignored), then runs the function app standalone (built-in queue pumps and deadline sweeper).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_node_packages
ensure_dotnet_restore

data_dir="$repo_root/.data/azurite"
mkdir -p "$data_dir"
echo "==> starting Azurite (data in $data_dir)"
node node_modules/azurite/dist/src/azurite.js --location "$data_dir" --silent --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true' EXIT

export ConnectionStrings__Storage="${ConnectionStrings__Storage:-UseDevelopmentStorage=true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
echo "==> running Ombudsman.Functions on ${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
dotnet run --project src/Ombudsman.Functions --no-restore -- --urls "${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
