using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// What shoppers' queries cost at scale: a generated catalog of N products (synthetic vectors, so the model's time is
/// left out) searched with exact words only (as before typo tolerance), then with typo tolerance and as-you-type
/// prefixes on — for clean, typo'd and half-typed queries — and <see cref="SearchEngine.Suggest"/> on the half-typed
/// ones; p50/p99 on one thread. The exact-words and default passes run twice, interleaved, so a change of load
/// between them shows. Usage: <c>shopper-cost [--size 100k] [--queries 2000] [--work DIR] [--keep]</c>.
/// </summary>
internal static class ShopperCostHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = ScaleSizes.Parse(SyntheticIndex.Option(args, "--size") ?? "100k");
        var count = int.Parse(SyntheticIndex.Option(args, "--queries") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
        var work = SyntheticIndex.Option(args, "--work") ?? Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "shopper-cost");
        var index = Path.Combine(work, $"index-{size}");
        var synthetic = new SyntheticEmbedder();
        await SyntheticIndex.EnsureAsync(index, size, synthetic, args.Contains("--keep"));

        var clean = SyntheticCatalog.Queries(count);
        var random = new Random(1);
        var typos = clean.Select(q => QueryVariants.WithTypo(q, random)).ToArray();
        var prefixes = clean.Select(q => QueryVariants.Prefix(q)).ToArray();
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, synthetic);
        var results = new Dictionary<string, LatencyStats>();
        void Measure(string name, IReadOnlyList<string> queries, bool shopper)
        {
            void Search(string q) => engine.Search(new SearchRequest { Query = q, K = 10, TypoTolerance = shopper, CompleteLastWord = shopper });
            TimedRunner.Run(queries.Take(200).ToArray(), 1, Search); // warm-up
            var stats = TimedRunner.Run(queries, 1, Search);
            results[name] = stats;
            Console.Error.WriteLine($"{name,-28} p50 {stats.P50Ms:F3} ms  p99 {stats.P99Ms:F3} ms  (load {LoadAverage.OneMinute()})");
        }
        Measure("exact words, clean", clean, false);
        Measure("shopper, clean", clean, true);
        Measure("shopper, typos", typos, true);
        Measure("shopper, prefixes", prefixes, true);
        Measure("exact words, clean (again)", clean, false);
        Measure("shopper, clean (again)", clean, true);
        TimedRunner.Run(prefixes.Take(200).ToArray(), 1, q => engine.Suggest(q));
        var suggest = TimedRunner.Run(prefixes, 1, q => engine.Suggest(q));
        results["suggest, prefixes"] = suggest;
        Console.Error.WriteLine($"{"suggest, prefixes",-28} p50 {suggest.P50Ms:F3} ms  p99 {suggest.P99Ms:F3} ms  (load {LoadAverage.OneMinute()})");
        var report = new { size, queries = count, machine = MachineInfo.Describe(), load = LoadAverage.OneMinute(), results };
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, $"shopper-cost-{size}.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}
