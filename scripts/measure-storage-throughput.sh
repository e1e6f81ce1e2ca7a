#!/usr/bin/env bash
# Storage throughput, measured (docs/benchmarks.md "Storage throughput"): the main job (`coc demo`, local runner on an
# in-memory Azurite, maildev) on a generated world — a register of CLIENTS clients (default 100,000) and court lists of
# DEFENDANTS defendants (default 10,000), seed 7 (deterministic). Prints the demo's register import time and its
# "ingest → route → outbox" line (events per second = events / seconds). Needs `npm ci` (Azurite, maildev).
# Usage: bash scripts/measure-storage-throughput.sh [CLIENTS] [DEFENDANTS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-100000}"
defendants="${2:-10000}"
world="$(mktemp -d)"
samples="$(mktemp -d)"
trap 'rm -rf "$world" "$samples"' EXIT

dotnet build functions/ContinuityOfCare.Cli -c Release -v q >/dev/null
coc=(dotnet functions/ContinuityOfCare.Cli/bin/Release/net10.0/coc.dll)
"${coc[@]}" samples generate --seed 7 --clients "$clients" --defendants "$defendants" --out "$world" >/dev/null
# The register, the directory and the court lists only: the results and discharges would add work to the figure.
cp "$world/clients.csv" "$world/directory.csv" "$samples/"
cp -r "$world/court-lists" "$samples/"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${coc[@]}" demo --samples "$samples" --exit-when-done --timeout 1800 | tee "$samples/demo.log" \
  | grep -E "register imported|ingest → route → outbox|did not finish" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
