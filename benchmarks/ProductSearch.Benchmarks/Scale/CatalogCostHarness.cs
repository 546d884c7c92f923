using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// What a shop's result-set features cost at scale (issue 15): a generated catalog of N products (synthetic vectors,
/// so the model's time is left out) searched in plain hybrid mode, with a range filter (rating ≥ 4), with it and a sort
/// (price ascending), with two facets (brand, color), with all of them, and with a picked color too (a disjunctive
/// facet: one more retrieval);
/// p50/p99 on one thread, each pass run twice, interleaved, so a change of load between them shows.
/// Usage: <c>catalog-cost [--size 100k] [--queries 1000] [--work DIR] [--keep]</c>.
/// </summary>
internal static class CatalogCostHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = ScaleSizes.Parse(SyntheticIndex.Option(args, "--size") ?? "100k");
        var count = int.Parse(SyntheticIndex.Option(args, "--queries") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        var work = SyntheticIndex.Option(args, "--work") ?? Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "catalog-cost");
        var index = Path.Combine(work, $"index-{size}");
        var synthetic = new SyntheticEmbedder();
        await SyntheticIndex.EnsureAsync(index, size, synthetic, args.Contains("--keep"));

        var queries = SyntheticCatalog.Queries(count);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, synthetic);
        var facets = new[] { new FacetRequest("brand"), new FacetRequest("color") };
        var rating = new SearchFilters { Conditions = [SearchFilter.Parse("rating>=4")] };
        var passes = new (string Name, Func<string, SearchRequest> Request)[]
        {
            ("plain hybrid", q => new SearchRequest { Query = q, K = 10 }),
            ("range filter", q => new SearchRequest { Query = q, K = 10, Filters = rating }),
            ("range filter + sort", q => new SearchRequest { Query = q, K = 10, Filters = rating, Sort = new SearchSort("price") }),
            ("2 facets", q => new SearchRequest { Query = q, K = 10, Facets = facets }),
            ("2 facets + range + sort", q => new SearchRequest { Query = q, K = 10, Facets = facets, Filters = rating, Sort = new SearchSort("price") }),
            ("+ a picked color (disjunctive)", q => new SearchRequest { Query = q, K = 10, Facets = facets, Filters = rating with { Colors = ["black"] }, Sort = new SearchSort("price") }),
        };
        var results = new Dictionary<string, LatencyStats>();
        foreach (var round in new[] { "", " (again)" })
        {
            foreach (var (name, request) in passes)
            {
                var stages = new List<SearchTimings>();
                void Search(string q) => stages.Add(engine.Search(request(q)).Timings);
                TimedRunner.Run(queries.Take(200).ToArray(), 1, Search); // warm-up
                stages.Clear();
                var stats = TimedRunner.Run(queries, 1, Search);
                results[name + round] = stats;
                // Where the time goes: the median of each stage (prepare builds the filters; facets run after fetch).
                static string Median(IEnumerable<TimeSpan> times) => times.Select(t => t.TotalMilliseconds).Order().ElementAt(times.Count() / 2).ToString("F2");
                Console.Error.WriteLine($"{name + round,-40} p50 {stats.P50Ms:F3} ms  p99 {stats.P99Ms:F3} ms  (load {LoadAverage.OneMinute()}); median stages: " +
                    $"prepare {Median(stages.Select(t => t.Prepare))}, bm25 {Median(stages.Select(t => t.Lexical))}, hnsw {Median(stages.Select(t => t.Dense))}, fetch {Median(stages.Select(t => t.Fetch))} ms");
            }
        }
        var report = new { size, queries = count, machine = MachineInfo.Describe(), load = LoadAverage.OneMinute(), results };
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, $"catalog-cost-{size}.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}
