extern alias storefront;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Benchmarks.Scale;
using ProductSearch.Cli;
using ProductSearch.Fuzzing;
using ProductSearch.Indexing;
using StorefrontProgram = storefront::Program;

namespace ProductSearch.Benchmarks.Hardening;

/// <summary>
/// <c>fuzz [inputs] [seed]</c>: the fuzz suite of the tests at length, by count rather than time: 30 % of the inputs
/// engine queries (an index of 500 synthetic products), 20 % catalog files (every tenth indexed), 0.3 % command lines
/// in this process (minilm; each loads the model, so they are few), the rest HTTP requests to the storefront in memory
/// (300 demo products, default model).
/// Prints the seed, the inputs per surface and the findings, grouped by their first line.
/// </summary>
internal static class FuzzRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20261206;
        var work = Path.Combine(Path.GetTempPath(), "productsearch-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# fuzz {total:N0} — seed {seed} — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()} — load average {LoadAverage.OneMinute()}");
        var report = new FuzzReport(seed);
        int engineInputs = total * 3 / 10, catalogInputs = total / 5, cliInputs = Math.Max(1, total * 3 / 1000);
        var forever = DateTime.MaxValue;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var synthetic = Path.Combine(work, "synthetic");
            using (var writer = IndexWriter.Open(synthetic, new SyntheticEmbedder(), "synthetic"))
                writer.Write(Enumerable.Range(0, 500).Select(i => new Catalog.Product { Id = "s" + i, Title = $"product {i} {FuzzText.Phrase(new Random(i), 3)}", Brand = "b" + i % 40, Price = i % 300 }),
                    new Catalog.CatalogReadReport { Path = "synthetic" }, SyncMode.Mirror);
            using (var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = synthetic, ResultCacheSize = 0 }, new SyntheticEmbedder()))
                Timed("engine", () => QueryFuzz.Run(engine, new Random(seed), report, engineInputs, forever));
            Timed("catalog", () => CatalogFuzz.Run(Path.Combine(work, "catalogs"), new SyntheticEmbedder(), "synthetic", new Random(seed + 1), report, catalogInputs, forever));

            var demo = Path.Combine(work, "demo.jsonl");
            File.WriteAllLines(demo, File.ReadLines(BenchmarkPaths.DemoCatalog).Where((_, i) => i % 12 == 0));
            var minilm = Path.Combine(work, "minilm");
            await Quietly(() => CliApp.RunAsync(["index", demo, "--index", minilm, "--model", "minilm", "--device", "cpu"]));
            Timed("cli", () => CommandLineFuzz.Run(minilm, Path.Combine(work, "cli"), new Random(seed + 2), report, cliInputs, forever));

            var shop = Path.Combine(work, "shop");
            await Quietly(() => CliApp.RunAsync(["index", demo, "--index", shop, "--device", "cpu"]));
            // The factory looks for the app's content root beside the solution under the assembly's name; it lives in samples/.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STOREFRONT", Path.Combine(BenchmarkPaths.RepositoryRoot, "samples", "Storefront"));
            await using var factory = new WebApplicationFactory<StorefrontProgram>().WithWebHostBuilder(b => b
                .UseEnvironment("Production").UseSetting("ProductSearch:IndexPath", shop).UseSetting("ProductSearch:Device", "cpu")
                .UseSetting("urls", "http://127.0.0.1:0").UseSetting("Logging:LogLevel:Default", "Error"));
            using var client = factory.CreateClient();
            var started = stopwatch.Elapsed;
            await HttpFuzz.RunAsync(client, new Random(seed + 3), report, total - engineInputs - catalogInputs - cliInputs, forever);
            Console.WriteLine($"  http: {report.Tried.GetValueOrDefault("http"):N0} inputs in {(stopwatch.Elapsed - started).TotalSeconds:F0} s; " +
                              $"{report.Findings.Count(f => f.Surface == "http"):N0} findings");
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        Console.WriteLine(report.Describe(maxFindings: 20));
        var groups = report.Findings.GroupBy(f => $"[{f.Surface}] {f.Problem.Split('\n')[0][..Math.Min(90, f.Problem.Split('\n')[0].Length)]}");
        foreach (var group in groups.OrderByDescending(g => g.Count())) Console.WriteLine($"  {group.Count(),6:N0} × {group.Key}");
        Console.WriteLine($"{report.Tried.Values.Sum():N0} inputs in {stopwatch.Elapsed.TotalMinutes:F1} min; {report.Findings.Count:N0} findings");
        return report.Findings.Count == 0 ? 0 : 1;

        void Timed(string surface, Action run)
        {
            var started = stopwatch.Elapsed;
            run();
            Console.WriteLine($"  {surface}: {report.Tried.GetValueOrDefault(surface):N0} inputs in {(stopwatch.Elapsed - started).TotalSeconds:F0} s; " +
                              $"{report.Findings.Count(f => f.Surface == surface):N0} findings");
        }
    }

    private static async Task Quietly(Func<Task<int>> run)
    {
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            if (await run() != 0) throw new InvalidOperationException("building a fuzz index failed");
        }
        finally
        {
            Console.SetOut(output);
        }
    }
}
