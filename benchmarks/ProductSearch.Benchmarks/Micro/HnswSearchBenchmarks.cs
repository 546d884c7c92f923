using BenchmarkDotNet.Attributes;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Micro;

/// <summary>HNSW search alone on the demo index's graph, k = 10, per query (the 100 ESCI queries, embedded beforehand).</summary>
[MemoryDiagnoser]
public class HnswSearchBenchmarks
{
    private UsearchIndex _index = null!;
    private float[][] _queries = [];

    [Params(32, 64, 128, 256)]
    public int Ef { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var layout = DemoIndex.EnsureBuilt();
        var manifest = layout.ReadManifest();
        _queries = DemoIndex.QueryVectors(manifest, BenchmarkPaths.EsciQueries().Take(100).ToArray());
        if (_queries.Length != 100) throw new InvalidOperationException($"Expected 100 ESCI queries, found {_queries.Length}.");
        _index = UsearchIndex.Load(layout.VectorPath(manifest.Generation), manifest.Hnsw.ToOptions(manifest.Model.Dimensions));
        _index.ExpansionSearch = Ef;
    }

    [Benchmark(Description = "HNSW k=10", OperationsPerInvoke = 100)]
    public int Search()
    {
        var found = 0;
        foreach (var query in _queries) found += _index.Search(query, 10).Count;
        return found;
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();
}
