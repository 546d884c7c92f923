#!/usr/bin/env bash
# Runs on the GPU machine: unpacks what pack.sh made, finds CUDA 13's libraries (the pip nvidia-* wheels of the
# machine's Python), and runs the CUDA-vs-CPU comparison (DeviceComparison.cs).
# Usage: cuda-check.sh STAGE_DIR OUT_DIR, where STAGE_DIR holds chunk.* from pack.sh, titles.jsonl, golden.jsonl
# (a golden-vector file of ../shared/golden), zbin/ and, optionally, icu.tar.zst (an icu/ folder of libicu*.so.NN for a
# machine without ICU: .NET needs it for Unicode normalisation, which the tokenizer's parity depends on).
set -uo pipefail
stage=${1:?usage: cuda-check.sh STAGE_DIR OUT_DIR}; out=${2:?usage: cuda-check.sh STAGE_DIR OUT_DIR}
payload=/tmp/productsearch-gpu
# The GPU image has no zstd: pack.sh puts this machine's binary and its libraries in zbin/.
zstd() { if [ -x "$stage/zbin/zstd" ]; then LD_LIBRARY_PATH="$stage/zbin" "$stage/zbin/zstd" "$@"; else command zstd "$@"; fi; }
rm -rf "$payload" && mkdir -p "$payload"
cat "$stage"/chunk.* | zstd -d --long=30 | tar -C "$payload" -xf - || { echo "unpack failed"; exit 1; }
libs=$(find /opt /usr /root /home -type d -path '*site-packages/nvidia/*/lib' 2>/dev/null | sort -u | paste -sd:)
if [ -f "$stage/icu.tar.zst" ] && ! ldconfig -p | grep -q 'libicuuc\.so'; then
  zstd -dc "$stage/icu.tar.zst" | tar -C "$payload" -xf - && libs="$payload/icu${libs:+:$libs}"
fi
export LD_LIBRARY_PATH="${libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PRODUCTSEARCH_MODEL_CACHE=/tmp/productsearch-models DOTNET_CLI_TELEMETRY_OPTOUT=1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"
echo "libraries from: $libs" | tee -a "$out/gpu.txt"
ldd "$payload/app/libonnxruntime_providers_cuda.so" | grep -E "not found|libcu" | tee -a "$out/gpu.txt"
"$payload/app/ProductSearch.Benchmarks" device --model arctic-xs --titles "$stage/titles.jsonl" --golden "$stage/golden.jsonl" \
  --batches 64,256 --devices cpu,cuda --out "$out/cuda-check.json" 2>&1 | tee "$out/cuda-check.log"
status=${PIPESTATUS[0]}
nvidia-smi --query-gpu=memory.used --format=csv,noheader | sed 's/^/GPU memory used after the run: /' | tee -a "$out/gpu.txt"
exit "$status"
