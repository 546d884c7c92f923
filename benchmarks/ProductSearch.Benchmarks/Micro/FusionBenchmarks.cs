using BenchmarkDotNet.Attributes;
using ProductSearch.Embedding;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks.Micro;

/// <summary>
/// Fusion alone: the real BM25 and dense candidate lists (50 each) of the 100 ESCI queries on the demo index, fused by
/// the default profile (RRF 2:1, k 60) or a convex combination with min-max normalisation, per query.
/// </summary>
[MemoryDiagnoser]
public class FusionBenchmarks
{
    private (IReadOnlyList<(long Key, float Score)> Lexical, IReadOnlyList<(long Key, float Score)> Dense)[] _lists = [];
    private RankingProfile _profile = RankingProfile.Default;

    [Params(FusionMethod.Rrf, FusionMethod.Convex)]
    public FusionMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var layout = DemoIndex.EnsureBuilt();
        _profile = RankingProfile.Default with { Method = Method };
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = layout.Root, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero });
        _lists = BenchmarkPaths.EsciQueries().Take(100)
            .Select(q => engine.Retrieve(new SearchRequest { Query = q, Ranking = RankingProfile.Default }))
            .Select(c => (c.Lexical, c.Dense))
            .ToArray();
    }

    [Benchmark(Description = "fuse 50 + 50", OperationsPerInvoke = 100)]
    public int Fuse()
    {
        var fused = 0;
        foreach (var (lexical, dense) in _lists) fused += _profile.Fuse(lexical, dense).Count;
        return fused;
    }
}
