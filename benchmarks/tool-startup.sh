#!/usr/bin/env bash
# Cold start of the productsearch command: the installed .NET tool against `dotnet run` from the clone.
# p50 (and min, max) of N runs each of `--version` and of one search of the demo index, one process per run.
# Usage: benchmarks/tool-startup.sh [TOOL_DIR] [N]   (TOOL_DIR: a --tool-path holding productsearch; default: pack and
# install into a temporary one). Run from the repository root; the demo index must exist (any search builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${2:-10}
tool_dir=${1:-}
if [ -z "$tool_dir" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  dotnet pack src/ProductSearch.Cli -c Release -o "$work/packages" -nologo -v q >/dev/null
  dotnet tool install ProductSearch.Cli --tool-path "$work/tools" --add-source "$work/packages" >/dev/null
  tool_dir="$work/tools"
fi
dotnet build src/ProductSearch.Cli -nologo -v q >/dev/null   # so `dotnet run` below finds it built, as a second run would
query="girls white shoes"
"$tool_dir/productsearch" search "$query" >/dev/null 2>&1   # builds the demo index if absent and unpacks the model: not measured
measure() { # label, command...
  local label=$1; shift
  python3 - "$n" "$label" "$@" <<'PY'
import statistics, subprocess, sys, time
n, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(n):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(f"| {label} | {statistics.median(times):.3f} s | {min(times):.3f} s | {max(times):.3f} s |")
PY
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command ($n runs each) | p50 | min | max |"
echo "|---|---|---|---|"
measure "installed: productsearch --version" "$tool_dir/productsearch" --version
measure "installed: productsearch search \"$query\"" "$tool_dir/productsearch" search "$query"
measure "dotnet run --project src/ProductSearch.Cli -- --version" dotnet run --project src/ProductSearch.Cli -- --version
measure "dotnet run --project src/ProductSearch.Cli -- search \"$query\"" dotnet run --project src/ProductSearch.Cli -- search "$query"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
