#!/usr/bin/env bash
# One command for the benchmark tables of benchmarks/RESULTS.md, on a fresh machine: installs the pinned Node peers
# (npm ci), builds the benchmarks in Release, runs the peer comparison on ../shared/data/esci-us-150q and the scale
# harness, and prints both (also written to benchmarks/out/peers/peers.md and benchmarks/out/scale/scale.md).
#   benchmarks/run-benchmarks.sh                     # peers, then scale at 10k, 100k and 1m (1m: about an hour on 2 cores)
#   benchmarks/run-benchmarks.sh --sizes 10k,100k    # smaller scale run
#   benchmarks/run-benchmarks.sh --micro             # also the BenchmarkDotNet set (ShortRun, a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=10k,100k,1m
micro=false
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --micro) micro=true; shift ;;
    *) echo "unknown option '$1' (known: --sizes LIST, --micro)" >&2; exit 2 ;;
  esac
done

# hnswlib-node compiles a native addon; with no internet node-gyp must use the headers installed with Node itself.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then export npm_config_nodedir="$node_prefix"; fi
(cd benchmarks/peers && npm ci --no-audit --no-fund)

dotnet build -c Release benchmarks/ProductSearch.Benchmarks
run() { dotnet run -c Release --no-build --project benchmarks/ProductSearch.Benchmarks -- "$@"; }
run peers
run scale --sizes "$sizes"
if [ "$micro" = true ]; then run --filter '*'; fi
