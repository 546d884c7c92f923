using BenchmarkDotNet.Attributes;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Micro;

/// <summary>
/// End to end: <see cref="SearchEngine.SearchAsync"/> on the demo index with the default model, k = 10, query cache
/// off (every dense or hybrid search embeds its query), per query over the 100 ESCI queries.
/// </summary>
[MemoryDiagnoser]
public class SearchEngineBenchmarks
{
    private SearchEngine _engine = null!;
    private IReadOnlyList<string> _queries = [];

    [Params(SearchMode.Hybrid, SearchMode.Bm25, SearchMode.Dense)]
    public SearchMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var layout = DemoIndex.EnsureBuilt();
        _engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = layout.Root, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero });
        _queries = BenchmarkPaths.EsciQueries().Take(100).ToArray();
    }

    [Benchmark(Description = "SearchAsync k=10", OperationsPerInvoke = 100)]
    public async Task<int> Search()
    {
        var hits = 0;
        foreach (var query in _queries) hits += (await _engine.SearchAsync(new SearchRequest { Query = query, Mode = Mode })).Hits.Count;
        return hits;
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();
}
