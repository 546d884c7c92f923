#!/usr/bin/env bash
# Bounded load run against the storefront sample on this machine only (127.0.0.1), for benchmarks/RESULTS.md:
# starts samples/Storefront (Release) on the demo index, sends REQUESTS requests at CONCURRENCY concurrent with
# benchmarks/StorefrontLoad (repeating queries; then UNIQUE_REQUESTS, default 5,000, all-distinct ones, each of
# which runs the model), and with wrk where it is installed; then stops the app. wrk is bounded by time
# (WRK_SECONDS, default 20 s), not by count.
# Usage: benchmarks/storefront-load.sh [REQUESTS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-20000}"
concurrency="${2:-32}"
port=5081
url="http://127.0.0.1:${port}"

dotnet build -c Release samples/Storefront -v q -nologo
dotnet build -c Release benchmarks/StorefrontLoad -v q -nologo
load="dotnet benchmarks/StorefrontLoad/bin/Release/net10.0/StorefrontLoad.dll"

log="$(mktemp)"
dotnet samples/Storefront/bin/Release/net10.0/Storefront.dll --contentRoot "$PWD/samples/Storefront" --urls "$url" \
  --Logging:LogLevel:Default=Warning >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -f "$log" "${requests_file:-}"' EXIT

# The first start builds the demo index (about 15 s); give it two minutes.
for _ in $(seq 1 120); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$log"; echo "the storefront exited" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$url/health" >/dev/null || { cat "$log"; echo "the storefront did not become healthy" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$load --url "$url" --requests "$requests" --concurrency "$concurrency"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
$load --url "$url" --requests "${UNIQUE_REQUESTS:-5000}" --concurrency "$concurrency" --unique
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v wrk >/dev/null; then
  requests_file="$(mktemp)"
  $load --print-requests 5000 >"$requests_file"
  REQUESTS_FILE="$requests_file" WRK_THREADS=2 \
    wrk -t2 -c"$concurrency" -d"${WRK_SECONDS:-20}s" -s benchmarks/storefront-load.lua "$url" | grep '^wrk:'
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
else
  echo "wrk not installed (apt-get install wrk): skipped the wrk run"
fi
