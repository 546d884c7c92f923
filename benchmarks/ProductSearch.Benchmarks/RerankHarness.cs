using System.Globalization;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks;

/// <summary>
/// The cost of the learned second stage: runs every ESCI query against an index that has a stored ranker, alternating
/// the fused order (hybrid, second stage off) and the ranked order (ranked-hybrid), and prints p50/p99 of the rerank
/// stage (<see cref="SearchTimings.Rerank"/>: reading the top N's titles, the exact BM25 of each, features, model) and
/// of the whole search, for a rerank depth N. Usage: <c>rerank --index DIR [--depth 50] [--rounds 5]</c>.
/// </summary>
internal static class RerankHarness
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var index = Option("--index", "");
        var depth = int.Parse(Option("--depth", "50"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("--rounds", "5"), CultureInfo.InvariantCulture);
        if (index.Length == 0) throw new ArgumentException("Give the index with --index DIR (one with a ranker: 'productsearch train-ranker').");

        var queries = BenchmarkPaths.EsciQueries();
        // The query-embedding cache stays on: the model's time is not what is measured, and every other stage is.
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, ResultCacheSize = 0 });
        if (engine.Ranker is null) throw new InvalidOperationException($"Index '{index}' has no ranker this version can use: run 'productsearch train-ranker' first.");
        var profile = engine.DefaultProfile with { RerankDepth = depth };
        var load = LoadAverage.OneMinute();
        Console.WriteLine($"# Rerank stage — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}; load average {load:F2}");
        Console.WriteLine($"index {index} ({engine.Manifest.ProductCount:N0} products, model {engine.Manifest.Model.Name}), rerank depth {depth}, {queries.Count} ESCI queries x {rounds} rounds, 1 thread");

        var timings = new Dictionary<string, (List<double> Rerank, List<double> Total)> { ["fused"] = ([], []), ["ranked"] = ([], []) };
        for (var round = -1; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                foreach (var (name, mode) in new[] { ("fused", SearchMode.Hybrid), ("ranked", SearchMode.RankedHybrid) })
                {
                    var response = engine.Search(new SearchRequest { Query = query, Mode = mode, SecondStage = false, Ranking = profile });
                    if (round < 0) continue; // the first round warms up JIT, caches and the query embeddings
                    timings[name].Rerank.Add(response.Timings.Rerank.TotalMilliseconds);
                    timings[name].Total.Add((response.Elapsed - response.EmbeddingTime).TotalMilliseconds);
                }
            }
        }
        foreach (var (name, (rerank, total)) in timings)
        {
            var (r, t) = (rerank.Order().ToArray(), total.Order().ToArray());
            Console.WriteLine($"{name,-6}  rerank stage p50 {LatencyStats.Percentile(r, 0.5):F3} ms, p99 {LatencyStats.Percentile(r, 0.99):F3} ms;  " +
                              $"search without embedding p50 {LatencyStats.Percentile(t, 0.5):F3} ms, p99 {LatencyStats.Percentile(t, 0.99):F3} ms");
        }
        Console.WriteLine($"load average after {LoadAverage.OneMinute():F2}");
        return 0;
    }
}
