#!/usr/bin/env bash
# Cold start of `productsearch search` on an existing index: wall time of one process per run, p50 (min, max) of N
# runs per variant, the variants interleaved (A B A B …) so a change of the machine's load reaches all alike.
# Usage: benchmarks/search-cold-start.sh N INDEX LABEL=EXECUTABLE[@ENV=VALUE,...] ...
#   e.g. benchmarks/search-cold-start.sh 10 indexes/demo before=/tmp/main/productsearch after=src/ProductSearch.Cli/bin/Release/net10.0/productsearch
# Each variant runs once unmeasured first (page cache; the saved optimised model written where it is new).
set -euo pipefail
n=$1 index=$2; shift 2
python3 - "$n" "$index" "$@" <<'PY'
import os, statistics, subprocess, sys, time
n, index, variants = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
query = "girls white shoes"
def parse(v):
    label, rest = v.split("=", 1)
    exe, _, envs = rest.partition("@")
    env = dict(os.environ)
    for kv in filter(None, envs.split(",")):
        k, val = kv.split("=", 1); env[k] = val
    return label, [exe, "search", query, "--index", index], env
runs = [parse(v) for v in variants]
def once(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start
for _, cmd, env in runs: once(cmd, env)
load_start = open("/proc/loadavg").read().split()[:3]
times = {label: [] for label, _, _ in runs}
for _ in range(n):
    for label, cmd, env in runs: times[label].append(once(cmd, env))
load_end = open("/proc/loadavg").read().split()[:3]
print(f"load average at start: {' '.join(load_start)}; at end: {' '.join(load_end)}; {os.cpu_count()} cores")
print(f"| variant ({n} runs each, interleaved) | p50 | min | max |")
print("|---|---|---|---|")
for label, ts in times.items():
    print(f"| {label} | {statistics.median(ts):.3f} s | {min(ts):.3f} s | {max(ts):.3f} s |")
PY
