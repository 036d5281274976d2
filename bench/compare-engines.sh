#!/usr/bin/env bash
# Old durable runtime (commit 4f7dc54, the last one on it) against the Durable Task engine (this tree), side by side
# in one run on this machine, through the real HTTP routes: one Azurite, both apps built in Release, rounds
# alternating old, new, old, new ... each on its own storage names, then one markdown table of medians.
#
#   bench/compare-engines.sh [--quick] [--rounds N]
#
# The apps run with their shipped engine settings (the new one: DurableTask:MaxQueuePollingInterval 1 s,
# Schedule:SweepInterval 5 s) and a manual clock, so the deadline figure is driven by the clock endpoint.
set -euo pipefail

OLD_COMMIT=4f7dc54
QUICK=""
ROUNDS=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK="--quick"; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="${TMPDIR:-/tmp}"
OLD_TREE="$TMP/ombudsman-old-engine"
WORK="$(mktemp -d "$TMP/ombudsman-compare-XXXXXX")"
AZURITE_JS="$ROOT/node_modules/azurite/dist/src/azurite.js"
[[ -f "$AZURITE_JS" ]] || { echo "Azurite is not installed at $AZURITE_JS: run npm ci once" >&2; exit 1; }

PIDS=()
cleanup() {
  # Only the processes this script started, by their ids.
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null "$1"; do
    if ((SECONDS > deadline)); then echo "nothing answered at $1 within $2 s" >&2; return 1; fi
    sleep 0.2
  done
}

# The old tree: a detached worktree of the last commit on the old runtime, reused when it is already there.
if [[ -d "$OLD_TREE" ]] && [[ "$(git -C "$OLD_TREE" rev-parse HEAD 2>/dev/null)" == "$(git -C "$ROOT" rev-parse "$OLD_COMMIT")" ]]; then
  echo "reusing $OLD_TREE at $OLD_COMMIT"
else
  OLD_TREE="$WORK/old-engine"
  git -C "$ROOT" worktree add --detach "$OLD_TREE" "$OLD_COMMIT" >/dev/null
  PRUNE_OLD_TREE=1
fi

echo "building both apps and the driver (Release)"
dotnet build "$OLD_TREE/src/Ombudsman.Functions" -c Release -nologo -v q >"$WORK/build-old.log" 2>&1 || { tail -20 "$WORK/build-old.log"; exit 1; }
dotnet build "$ROOT/src/Ombudsman.Functions" -c Release -nologo -v q >"$WORK/build-new.log" 2>&1 || { tail -20 "$WORK/build-new.log"; exit 1; }
dotnet build "$ROOT/bench/Ombudsman.Benchmarks" -c Release -nologo -v q >"$WORK/build-driver.log" 2>&1 || { tail -20 "$WORK/build-driver.log"; exit 1; }
OLD_DLL="$(ls "$OLD_TREE"/src/Ombudsman.Functions/bin/Release/net*/Ombudsman.Functions.dll | head -1)"
NEW_DLL="$(ls "$ROOT"/src/Ombudsman.Functions/bin/Release/net*/Ombudsman.Functions.dll | head -1)"
DRIVER_DLL="$(ls "$ROOT"/bench/Ombudsman.Benchmarks/bin/Release/net*/Ombudsman.Benchmarks.dll | head -1)"

# One Azurite for every round; its debug log has one line per request received, which is how storage requests are
# counted (the old tree cannot be instrumented).
BLOB_PORT=$(free_port); QUEUE_PORT=$(free_port); TABLE_PORT=$(free_port)
AZURITE_LOG="$WORK/azurite-debug.log"
mkdir -p "$WORK/azurite"
(cd "$WORK/azurite" && exec node "$AZURITE_JS" --inMemoryPersistence --silent --skipApiVersionCheck --loose --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --debug "$AZURITE_LOG") >"$WORK/azurite.out" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$TABLE_PORT/devstoreaccount1/Tables" 60
STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"

RESULTS="$WORK/results.tsv"
: >"$RESULTS"

run_round() { # label dll round
  local label="$1" dll="$2" round="$3"
  local prefix="b${label}${round}x$RANDOM"
  local port; port=$(free_port)
  local pickup="$WORK/mail-$label-$round"
  mkdir -p "$pickup"
  local common=(
    --urls "http://127.0.0.1:$port" --environment=Development "--ConnectionStrings:Storage=$STORAGE"
    --Clock:Mode=Manual --Clock:Start=2026-03-02T01:00:00Z --Logging:LogLevel:Default=Warning
    "--Email:PickupDirectory=$pickup"
    # The public-intake limit (30 a minute per address) would measure the limiter, not the engine.
    --RateLimiting:PublicIntake:PermitLimit=1000000
    "--StorageNames:EvidenceContainer=$prefix-evidence" "--StorageNames:ProviderDocumentsContainer=$prefix-provider-documents"
    "--StorageNames:AccessTokensTable=${prefix}AccessTokens" "--Email:SendRecordsTable=${prefix}emailsends"
  )
  local names
  if [[ "$label" == old ]]; then
    names=("--StorageNames:InstancesTable=${prefix}Instances" "--StorageNames:DeadlinesTable=${prefix}Deadlines"
      "--StorageNames:OrchestratorQueue=$prefix-orchestrator" "--StorageNames:ActivityQueue=$prefix-activity"
      "--StorageNames:PayloadsContainer=$prefix-payloads")
  else
    names=("--StorageNames:CasesTable=${prefix}Cases" "--StorageNames:TimelineTable=${prefix}Timeline"
      "--StorageNames:OpenDeadlinesTable=${prefix}Deadlines" "--DurableTask:HubName=$prefix")
  fi
  echo "round $round: $label on port $port (storage prefix $prefix)"
  dotnet "$dll" "${common[@]}" "${names[@]}" >"$WORK/app-$label-$round.log" 2>&1 &
  local app=$!
  PIDS+=("$app")
  wait_for "http://127.0.0.1:$port/api/dev/clock" 60 || { tail -30 "$WORK/app-$label-$round.log"; return 1; }
  local status=0
  dotnet "$DRIVER_DLL" compare --url "http://127.0.0.1:$port" --label "$label" --out "$RESULTS" \
    --azurite-log "$AZURITE_LOG" $QUICK || status=$?
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  if ((status != 0)); then tail -30 "$WORK/app-$label-$round.log"; return "$status"; fi
}

for ((round = 1; round <= ROUNDS; round++)); do
  run_round old "$OLD_DLL" "$round"
  run_round new "$NEW_DLL" "$round"
done

echo
echo "machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version), Azurite $(node -p "require('$ROOT/node_modules/azurite/package.json').version"), $ROUNDS round(s) each${QUICK:+, quick}"
echo
dotnet "$DRIVER_DLL" compare-report "$RESULTS" --old old --new new \
  | sed -e 's/| figure | old | new | new\/old |/| figure | old runtime | Durable Task engine | new\/old ratio |/'
echo
echo "raw figures and logs: $WORK"
if [[ -n "${PRUNE_OLD_TREE:-}" ]]; then
  git -C "$ROOT" worktree remove --force "$OLD_TREE" || true
fi
