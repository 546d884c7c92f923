using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// End-to-end hybrid search latency per ONNX intra-op thread count of the query model, on an idle machine and beside
/// one busy core (a spinning child process this harness starts and stops itself). The catalog is the scale harness's
/// generated one with synthetic vectors (a real-model 100k build would take about an hour on two cores); every query
/// still runs the real arctic-xs model on its text first (<see cref="ModelPacedEmbedder"/>), so each latency holds a
/// real query embedding. A "no model" row (synthetic vectors only) shows what the search costs without it. Every
/// query text is used once in the whole run and both caches are off, so no cache answers. Variants and loads are
/// interleaved in blocks, round after round (idle A, B, C, busy A, B, C, idle C, B, A, …), so a change of the machine's
/// load reaches all of them alike.
/// Usage: <c>query-threads [--size 100k] [--threads 0,1,2] [--rounds 6] [--block 150] [--work DIR] [--rebuild] [--json]</c>
/// (threads 0: ONNX Runtime's default, one per core). The index is kept in the work folder and reused by the next run.
/// </summary>
internal static class QueryThreadsHarness
{
    private const int WarmUp = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = ScaleSizes.Parse(Option(args, "--size") ?? "100k");
        var threads = (Option(args, "--threads") ?? "0,1,2").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var rounds = int.Parse(Option(args, "--rounds") ?? "6", CultureInfo.InvariantCulture);
        var block = int.Parse(Option(args, "--block") ?? "150", CultureInfo.InvariantCulture);
        var work = Option(args, "--work") ?? Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "query-threads");
        var json = args.Contains("--json");
        var index = Path.Combine(work, $"index-{ScaleSizes.Format(size)}");
        var started = DateTime.UtcNow;
        var synthetic = new SyntheticEmbedder();
        var buildSeconds = await EnsureIndexAsync(index, size, synthetic, args.Contains("--rebuild"));

        var variants = threads.Select(t => new Variant($"model, {(t == 0 ? "ONNX default threads" : $"{t} intra-op thread{(t == 1 ? "" : "s")}")}", t))
            .Append(new Variant("no model (search alone)", null)).ToArray();
        string[] loads = ["idle", "one busy core"];
        var needed = WarmUp * variants.Length + rounds * loads.Length * variants.Length * block;
        var queries = SyntheticCatalog.Queries(needed);
        if (queries.Count < needed) throw new ArgumentException($"The query generator gives {queries.Count} distinct queries; this run needs {needed} (lower --rounds or --block).");

        var engines = variants.Select(v => SearchEngine.Open(new SearchEngineOptions
        {
            IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero,
        }, v.Threads is { } t ? new ModelPacedEmbedder(synthetic, CreateModel(t)) : synthetic)).ToArray();
        try
        {
            var next = 0;
            IReadOnlyList<string> Take(int count) { var taken = queries.Skip(next).Take(count).ToArray(); next += count; return taken; }
            for (var v = 0; v < variants.Length; v++) Run(engines[v], Take(WarmUp)); // JIT, page cache, Lucene and LiteDB caches

            var cells = variants.SelectMany(v => loads.Select(l => new Cell(v, l))).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var load in loads)
                {
                    using var busy = load == loads[1] ? BusyCore.Start(TimeSpan.FromMinutes(30)) : null;
                    var order = Enumerable.Range(0, variants.Length);
                    foreach (var v in round % 2 == 0 ? order : order.Reverse())
                    {
                        var cell = cells.Single(c => c.Variant == variants[v] && c.Load == load);
                        cell.Loads.Add(LoadAverage.OneMinute() ?? double.NaN);
                        cell.Latencies.AddRange(Run(engines[v], Take(block)));
                    }
                }
                Console.Error.WriteLine($"round {round + 1}/{rounds} done (load {LoadAverage.OneMinute()})");
            }

            var command = "dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- query-threads " + string.Join(' ', args);
            var report = new QueryThreadsReport(command, MachineInfo.Describe(), started, DateTime.UtcNow, size, buildSeconds, rounds, block,
                cells.Select(c => c.Summary()).ToArray());
            Console.WriteLine(json ? JsonSerializer.Serialize(report, ScaleJson.Options) : Render(report));
            return 0;
        }
        finally
        {
            foreach (var engine in engines) engine.Dispose();
        }
    }

    private static async Task<double?> EnsureIndexAsync(string index, int size, SyntheticEmbedder synthetic, bool rebuild)
    {
        if (!rebuild && Directory.Exists(index))
        {
            try
            {
                using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, RefreshInterval = TimeSpan.Zero }, synthetic);
                if (engine.Manifest.ProductCount == size) return null;
            }
            catch (IndexException)
            {
                // damaged or from another version: built again below
            }
        }
        Console.Error.WriteLine($"building {size:N0} generated products (synthetic vectors) into {index}");
        var build = Stopwatch.StartNew();
        using var writer = IndexWriter.Open(index, synthetic, synthetic.ModelName, new IndexWriterOptions { Rebuild = true });
        await writer.WriteAsync(SyntheticCatalog.Products(size).ToAsyncEnumerable(), new CatalogReadReport { Path = $"synthetic-{size}" }, SyncMode.Mirror);
        Console.Error.WriteLine($"built in {build.Elapsed.TotalSeconds:F0} s");
        return build.Elapsed.TotalSeconds;
    }

    private static OnnxSentenceEmbedder CreateModel(int intraOpThreads) =>
        OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = BuiltInModels.DefaultName, Device = ComputeDevice.Cpu, QueryCacheSize = 0, IntraOpThreads = intraOpThreads });

    private static double[] Run(SearchEngine engine, IReadOnlyList<string> queries)
    {
        var latencies = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            engine.Search(new SearchRequest { Query = queries[i], K = 10, Mode = SearchMode.Hybrid });
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return latencies;
    }

    private static string Render(QueryThreadsReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Query-model threads — {report.StartedUtc:yyyy-MM-dd HH:mm}–{report.FinishedUtc:HH:mm} UTC — {report.Machine}");
        text.AppendLine(CultureInfo.InvariantCulture, $"command: {report.Command}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Size:N0} products; {report.Rounds} rounds × {report.Block} queries per cell; index {(report.BuildSeconds is { } b ? $"built in {b:F0} s" : "reused")}");
        text.AppendLine();
        text.AppendLine("| query model | background | queries | p50 ms | p90 ms | p99 ms | load avg (1 min) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in report.Results)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Variant} | {r.Background} | {r.Count} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.LoadAverageMin:F2}–{r.LoadAverageMax:F2} |");
        return text.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Variant(string Name, int? Threads);

    private sealed record Cell(Variant Variant, string Load)
    {
        public List<double> Latencies { get; } = [];

        public List<double> Loads { get; } = [];

        public QueryThreadsRow Summary()
        {
            var sorted = Latencies.Order().ToArray();
            return new QueryThreadsRow(Variant.Name, Variant.Threads, Load, sorted.Length, LatencyStats.Percentile(sorted, 0.50),
                LatencyStats.Percentile(sorted, 0.90), LatencyStats.Percentile(sorted, 0.99), Loads.Min(), Loads.Max());
        }
    }
}

/// <summary>One run of <see cref="QueryThreadsHarness"/>, as printed with <c>--json</c>.</summary>
internal sealed record QueryThreadsReport(string Command, string Machine, DateTime StartedUtc, DateTime FinishedUtc, int Size, double? BuildSeconds,
    int Rounds, int Block, IReadOnlyList<QueryThreadsRow> Results);

/// <summary>One variant under one background load: latencies over all its blocks; the 1-minute load average at each block's start.</summary>
internal sealed record QueryThreadsRow(string Variant, int? IntraOpThreads, string Background, int Count, double P50Ms, double P90Ms, double P99Ms,
    double LoadAverageMin, double LoadAverageMax);
