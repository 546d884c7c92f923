#!/usr/bin/env bash
# Bounded load run against `productsearch serve` on this machine only (127.0.0.1), for benchmarks/RESULTS.md:
# starts the service (Release) on INDEX with an admin key, then, with benchmarks/StorefrontLoad --serve, sends
# CONCURRENCY concurrent clients for SECONDS seconds of the repeating query mix, then SECONDS of the all-distinct
# mix (each query runs the model), while a writer PATCHes one product's price once a second and checks that the very
# next search sees the new price. Then stops the service.
# Usage: benchmarks/serve-load.sh INDEX [SECONDS=30] [CONCURRENCY=32]
set -euo pipefail
cd "$(dirname "$0")/.."
index="${1:?usage: benchmarks/serve-load.sh INDEX [SECONDS] [CONCURRENCY]}"
seconds="${2:-30}"
concurrency="${3:-32}"
url="http://127.0.0.1:5091"

dotnet build -c Release src/ProductSearch.Cli -v q -nologo
dotnet build -c Release benchmarks/StorefrontLoad -v q -nologo
load="dotnet benchmarks/StorefrontLoad/bin/Release/net10.0/StorefrontLoad.dll"

PRODUCTSEARCH_ADMIN_KEY="$(head -c 32 /dev/urandom | base64)"
export PRODUCTSEARCH_ADMIN_KEY
log="$(mktemp)"
dotnet src/ProductSearch.Cli/bin/Release/net10.0/productsearch.dll serve --index "$index" --urls "$url" --device cpu >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$log"; echo "the service exited" >&2; exit 1; fi
  sleep 1
done
# The writer's product: the first answer to a plain query.
product="$(curl -fsS -H "Authorization: Bearer $PRODUCTSEARCH_ADMIN_KEY" "$url/search?q=hammer&k=1" | sed -E 's/.*"hits":\[\{"rank":1,"id":"([^"]+)".*/\1/')"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg); writer PATCHes $product"
$load --serve --url "$url" --concurrency "$concurrency" --warmup 500 --requests 1000000 --seconds "$seconds" --patch-product "$product" || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
$load --serve --url "$url" --concurrency "$concurrency" --warmup 200 --requests 1000000 --seconds "$seconds" --patch-product "$product" --unique || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fsS -H "Authorization: Bearer $PRODUCTSEARCH_ADMIN_KEY" "$url/metrics" | grep -E '^productsearch_(commit_count|search_count|index_generation)' || true
