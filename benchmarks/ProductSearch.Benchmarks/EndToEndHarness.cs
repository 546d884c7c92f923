using System.Diagnostics;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks;

/// <summary>
/// End-to-end figures for RESULTS.md: builds the demo index from scratch (timed), then runs every ESCI query
/// through <see cref="SearchEngine.SearchAsync"/> in each mode and prints p50/p90/p99 latency and throughput.
/// </summary>
internal static class EndToEndHarness
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var model = args.Length > 0 ? args[0] : BuiltInModels.DefaultName;
        var catalog = BenchmarkPaths.DemoCatalog;
        var index = Path.Combine(Path.GetTempPath(), "productsearch-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# End-to-end — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}");
        Console.WriteLine($"catalog {catalog}, model {model}");
        try
        {
            IndexCommitReport report;
            using (var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = ComputeDevice.Cpu }))
            {
                var stopwatch = Stopwatch.StartNew();
                report = await new IndexBuilder(embedder, model).BuildAsync(catalog, index);
                Console.WriteLine($"build: {report.Manifest.ProductCount} products in {stopwatch.Elapsed.TotalSeconds:F1} s " +
                                  $"({report.Manifest.ProductCount / stopwatch.Elapsed.TotalSeconds:F0} products/s, model load excluded)");
            }

            var queries = BenchmarkPaths.EsciQueries();
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0 });
            foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Bm25, SearchMode.Dense })
            {
                // Warm up (JIT, caches) on the same queries, then measure each query once more. The query-embedding
                // cache is off, so every dense query pays for a model run, as a first-time query does.
                foreach (var query in queries) await engine.SearchAsync(new SearchRequest { Query = query, Mode = mode });
                var latencies = new List<double>(queries.Count * Rounds);
                var total = Stopwatch.StartNew();
                for (var round = 0; round < Rounds; round++)
                {
                    foreach (var query in queries)
                    {
                        var stopwatch = Stopwatch.StartNew();
                        await engine.SearchAsync(new SearchRequest { Query = query, Mode = mode });
                        latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }
                latencies.Sort();
                Console.WriteLine($"search {mode.ToString().ToLowerInvariant(),-6} k=10, {queries.Count} ESCI queries x {Rounds} rounds: " +
                                  $"p50 {Percentile(latencies, 0.50):F2} ms, p90 {Percentile(latencies, 0.90):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, " +
                                  $"{latencies.Count / total.Elapsed.TotalSeconds:F0} queries/s (1 thread)");
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => Common.LatencyStats.Percentile([.. sorted], p);
}
