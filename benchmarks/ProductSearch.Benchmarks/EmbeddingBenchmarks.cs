using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks;

/// <summary>
/// Embedding speed on this machine's CPU: a batch of 64 demo-catalog titles (titles/s = 64 / mean time) and a
/// single short query (the query path's cost).
/// </summary>
[MemoryDiagnoser]
public class EmbeddingBenchmarks
{
    private OnnxSentenceEmbedder _embedder = null!;
    private string[] _titles = [];

    /// <summary>Texts per ONNX run.</summary>
    [Params(16, 64)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = "minilm", Device = ComputeDevice.Cpu, BatchSize = BatchSize });
        _titles = File.ReadLines(BenchmarkPaths.DemoCatalog).Take(64)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("product_title").GetString()!).ToArray();
    }

    [Benchmark(Description = "64 titles")]
    public float[][] SixtyFourTitles() => _embedder.Embed(_titles, EmbeddingPurpose.Document);

    [Benchmark(Description = "one short query")]
    public float[] ShortQuery() => _embedder.EmbedUncached("girls white shoes", EmbeddingPurpose.Query);

    [Benchmark(Description = "tokenize 64 titles")]
    public int TokenizeTitles()
    {
        var total = 0;
        foreach (var title in _titles) total += _embedder.Model.Tokenizer.Encode(title, 256).Length;
        return total;
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder.Dispose();
}
