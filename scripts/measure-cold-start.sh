#!/usr/bin/env bash
# Cold start, measured (docs/benchmarks.md "Cold start"): N runs each of
#  (1) the local runner (`coc hub run`) from process start until GET / answers 200, against an in-memory Azurite;
#  (2) the published isolated worker (`dotnet ContinuityOfCare.FunctionApp.dll`) from process start to its first
#      line of output (without a Functions host it then stops: it has no host to connect to).
# Prints each run and the median in milliseconds. Needs `npm ci` (Azurite) and a Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
ms() { date +%s%3N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

dotnet build ContinuityOfCare.sln -c Release -v q >/dev/null
publish="$(mktemp -d)"
dotnet publish functions/ContinuityOfCare.FunctionApp -c Release -o "$publish" -v q >/dev/null

port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
blob=$(port); queue=$(port); table=$(port)
workspace="$(mktemp -d)"
(cd "$workspace" && exec "$OLDPWD/node_modules/.bin/azurite" --inMemoryPersistence --silent --skipApiVersionCheck --disableTelemetry \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table") >/dev/null 2>&1 &
azurite=$!
trap 'kill $azurite 2>/dev/null || true; rm -rf "$publish" "$workspace"' EXIT
until curl -s "http://127.0.0.1:$blob/" >/dev/null 2>&1; do sleep 0.1; done
key="devstoreaccount1"
account="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=$key;AccountKey=$account;BlobEndpoint=http://127.0.0.1:$blob/$key;QueueEndpoint=http://127.0.0.1:$queue/$key;TableEndpoint=http://127.0.0.1:$table/$key;"
export State__IndexKey="$(head -c 32 /dev/urandom | base64)" Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port=25 \
  Mail__Smtp__RequireStartTls=false Mail__Smtp__SenderAddress=hub@example.gov.uk

runner=()
for _ in $(seq "$runs"); do
  http=$(port)
  start=$(ms)
  dotnet functions/ContinuityOfCare.Cli/bin/Release/net10.0/coc.dll hub run --connection-string "$connection" --urls "http://127.0.0.1:$http" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$http/" >/dev/null 2>&1; do sleep 0.02; done
  runner+=($(( $(ms) - start )))
  kill -TERM "$pid"; wait "$pid" || true
done

worker=()
for _ in $(seq "$runs"); do
  start=$(ms)
  first=$( (dotnet "$publish/ContinuityOfCare.FunctionApp.dll" 2>&1 & echo $! >"$workspace/worker.pid"; wait) | head -n 1 >/dev/null; echo done)
  worker+=($(( $(ms) - start )))
  kill "$(cat "$workspace/worker.pid")" 2>/dev/null || true
done

echo "local runner to ready (ms): ${runner[*]}  median $(printf '%s\n' "${runner[@]}" | median)"
echo "published worker to first output line (ms): ${worker[*]}  median $(printf '%s\n' "${worker[@]}" | median)"
