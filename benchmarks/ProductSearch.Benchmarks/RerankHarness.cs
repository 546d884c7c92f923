using System.Globalization;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Embedding;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks;

/// <summary>
/// The cost of the learned second stage: runs every ESCI query against an index that has a stored ranker, alternating
/// the fused order (hybrid, second stage off) and the ranked order (ranked-hybrid), and prints p50/p99 of the rerank
/// stage (<see cref="SearchTimings.Rerank"/>: the top N's titles, the BM25 of those BM25 did not return, features,
/// model) and of the whole search without the query embedding, for a rerank depth N. Cold: a fresh engine's first pass,
/// every product read and analysed (JIT already warm); uncached: an engine without the ranker's product cache, after a
/// warm-up pass (every product read, from a warm store, and analysed on every search); warm: later rounds of the
/// first engine, the products' text sides cached.
/// Usage: <c>rerank --index DIR [--depth 50] [--rounds 5]</c>.
/// </summary>
internal static class RerankHarness
{
    private static readonly (string Name, SearchMode Mode)[] Orders = [("fused", SearchMode.Hybrid), ("ranked", SearchMode.RankedHybrid)];

    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var index = Option("--index", "");
        var depth = int.Parse(Option("--depth", "50"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("--rounds", "5"), CultureInfo.InvariantCulture);
        if (index.Length == 0) throw new ArgumentException("Give the index with --index DIR (one with a ranker: 'productsearch train-ranker').");

        var queries = BenchmarkPaths.EsciQueries();
        Console.WriteLine($"# Rerank stage — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}; load average {LoadAverage.OneMinute():F2}");
        using (var warmUp = Open(index))
        {
            Measure(warmUp, queries, depth, 1); // JIT, for both engines
        }
        using var engine = Open(index);
        Console.WriteLine($"index {index} ({engine.Manifest.ProductCount:N0} products, model {engine.Manifest.Model.Name}), rerank depth {depth}, {queries.Count} ESCI queries, 1 thread");
        Print("cold", Measure(engine, queries, depth, 1));
        using (var uncached = Open(index, productCache: 0))
        {
            Measure(uncached, queries, depth, 1);
            Print("uncached", Measure(uncached, queries, depth, rounds));
        }
        Print("warm", Measure(engine, queries, depth, rounds));
        Console.WriteLine($"load average after {LoadAverage.OneMinute():F2}");
        return 0;
    }

    // The model's time is not what is measured (it is taken out), every other stage is. One ONNX Runtime thread: its
    // extra threads spin on the cores for a while after each query embedding, and would slow the stages that follow.
    private static SearchEngine Open(string index, int productCache = 20_000)
    {
        var engine = SearchEngine.Open(new SearchEngineOptions
        {
            IndexPath = index, Device = ComputeDevice.Cpu, ResultCacheSize = 0, IntraOpThreads = 1, RankerProductCacheSize = productCache,
        });
        return engine.Ranker is not null ? engine
            : throw new InvalidOperationException($"Index '{index}' has no ranker this version can use: run 'productsearch train-ranker' first.");
    }

    private static Dictionary<string, (List<double> Rerank, List<double> Search)> Measure(SearchEngine engine, IReadOnlyList<string> queries, int depth, int rounds)
    {
        var profile = engine.DefaultProfile with { RerankDepth = depth };
        var timings = Orders.ToDictionary(o => o.Name, _ => (Rerank: new List<double>(), Search: new List<double>()));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                foreach (var (name, mode) in Orders)
                {
                    var response = engine.Search(new SearchRequest { Query = query, Mode = mode, SecondStage = false, Ranking = profile });
                    timings[name].Rerank.Add(response.Timings.Rerank.TotalMilliseconds);
                    timings[name].Search.Add((response.Elapsed - response.EmbeddingTime).TotalMilliseconds);
                }
            }
        }
        return timings;
    }

    private static void Print(string pass, Dictionary<string, (List<double> Rerank, List<double> Search)> timings)
    {
        foreach (var (name, (rerank, search)) in timings)
        {
            var (r, s) = (rerank.Order().ToArray(), search.Order().ToArray());
            Console.WriteLine($"{pass,-8} {name,-6} ({r.Length} searches): rerank stage p50 {LatencyStats.Percentile(r, 0.5):F3} ms, p99 {LatencyStats.Percentile(r, 0.99):F3} ms; " +
                              $"search without embedding p50 {LatencyStats.Percentile(s, 0.5):F3} ms, p99 {LatencyStats.Percentile(s, 0.99):F3} ms");
        }
    }
}
