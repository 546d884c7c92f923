using BenchmarkDotNet.Attributes;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks.Micro;

/// <summary>BM25 alone on the demo index's Lucene index: the default profile's fields and boosts, 50 candidates, per query.</summary>
[MemoryDiagnoser]
public class Bm25SearchBenchmarks
{
    private Bm25Searcher _searcher = null!;
    private IReadOnlyList<string> _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var layout = DemoIndex.EnsureBuilt();
        _searcher = Bm25Searcher.Open(layout.LexicalPath(layout.ReadManifest().Generation));
        _queries = BenchmarkPaths.EsciQueries().Take(100).ToArray();
    }

    [Benchmark(Description = "BM25 top 50", OperationsPerInvoke = 100)]
    public int Search()
    {
        var found = 0;
        foreach (var query in _queries) found += _searcher.Search(query, RankingProfile.Default.CandidateDepth, RankingProfile.Default.Lexical).Count;
        return found;
    }

    [GlobalCleanup]
    public void Cleanup() => _searcher.Dispose();
}
