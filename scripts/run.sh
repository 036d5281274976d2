#!/usr/bin/env bash
# Runs the app locally on a fresh machine: installs what is missing, starts Azurite with its data under .data/azurite
# (git-ignored), then runs the function app standalone (the Durable Task engine in process, the deadline sweeper and
# the staff digests). Arguments go to the app as settings, e.g. `scripts/run.sh --Clock:Mode=Manual`.
#
# Environment: ASPNETCORE_URLS (default http://127.0.0.1:7071); AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT,
# AZURITE_TABLE_PORT (default 10000-10002); OMBUDSMAN_DATA_DIR (default .data at the repository root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
data_root="${OMBUDSMAN_DATA_DIR:-$repo_root/.data}"
urls="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Another emulator on these ports would take this app's data without a word: refuse instead.
for port in "$blob_port" "$queue_port" "$table_port"; do
  if port_in_use "$port"; then
    echo "error: port $port on 127.0.0.1 is already in use, so Azurite cannot start there." >&2
    echo "       Stop whatever holds it (another Azurite or scripts/run.sh?), or choose other ports:" >&2
    echo "       AZURITE_BLOB_PORT=20000 AZURITE_QUEUE_PORT=20001 AZURITE_TABLE_PORT=20002 scripts/run.sh" >&2
    exit 1
  fi
done

ensure_node_packages

data_dir="$data_root/azurite"
mkdir -p "$data_dir"
echo "==> starting Azurite on 127.0.0.1:$blob_port-$table_port (data in $data_dir)"
node node_modules/azurite/dist/src/azurite.js --location "$data_dir" --silent --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" &
azurite_pid=$!
# Azurite stops with the script, and the script ends only once it has: no emulator is left holding the ports.
trap 'kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null || true' EXIT

# Bounded wait until Azurite listens on all three ports; if it exits first, say so and stop.
for _ in $(seq 1 300); do
  if ! kill -0 "$azurite_pid" 2>/dev/null; then
    wait "$azurite_pid" || true
    echo "error: Azurite exited during start-up (see its message above); the app was not started." >&2
    exit 1
  fi
  if port_in_use "$blob_port" && port_in_use "$queue_port" && port_in_use "$table_port"; then
    break
  fi
  sleep 0.2
done
if ! { port_in_use "$blob_port" && port_in_use "$queue_port" && port_in_use "$table_port"; }; then
  echo "error: Azurite did not listen on ports $blob_port-$table_port within 60 s; the app was not started." >&2
  exit 1
fi

ensure_dotnet_restore

account="devstoreaccount1"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
default_storage="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
export ConnectionStrings__Storage="${ConnectionStrings__Storage:-$default_storage}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# The case emails link to this app's own case pages (the first address it listens on), unless set otherwise.
site="${urls%%;*}"
export Email__TrackingBaseUrl="${Email__TrackingBaseUrl:-${site%/}/track/}"
echo "==> running Ombudsman.Functions on $urls${*:+ with: $*}"
dotnet run --project src/Ombudsman.Functions --no-restore -- --urls "$urls" "$@"
