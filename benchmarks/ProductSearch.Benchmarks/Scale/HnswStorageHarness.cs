using System.Diagnostics;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// HNSW alone, per vector storage: the scale harness's synthetic catalog and queries (same titles, vectors and exact
/// top-10 as <c>scale</c>, so the figures compare with its HNSW table) go straight into one graph per storage kind —
/// no LiteDB, no Lucene, no commit — and each graph is swept over ef. This isolates what f16 storage does to recall and
/// queries/s at sizes where the graph outgrows the CPU's caches.
/// </summary>
/// <remarks>
/// Usage: <c>hnsw-storage --size 1m [--queries 1000] [--storage f32,f16,i8] [--add-threads 1,2] [--connectivity 16]
/// [--expansion-add 128]</c>; one graph per storage and add-thread count.
/// </remarks>
internal static class HnswStorageHarness
{
    public static int Run(string[] args)
    {
        var size = 1_000_000;
        var queryCount = 1000;
        var storages = new[] { VectorStorage.F32, VectorStorage.F16 };
        var addThreads = new[] { Environment.ProcessorCount };
        var defaults = new HnswOptions();
        var connectivity = defaults.Connectivity;
        var expansionAdd = defaults.ExpansionAdd;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size": size = ScaleSizes.Parse(ScaleOptions.Value(args, ref i)); break;
                case "--queries": queryCount = int.Parse(ScaleOptions.Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--storage": storages = ScaleOptions.Value(args, ref i).Split(',').Select(s => Enum.Parse<VectorStorage>(s, ignoreCase: true)).ToArray(); break;
                case "--add-threads": addThreads = ScaleOptions.Value(args, ref i).Split(',').Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray(); break;
                case "--connectivity": connectivity = int.Parse(ScaleOptions.Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--expansion-add": expansionAdd = int.Parse(ScaleOptions.Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        var label = "hnsw-" + ScaleSizes.Format(size);
        Console.WriteLine($"# HNSW storage — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {MachineInfo.Describe()}, load {LoadAverage.OneMinute()}");
        Console.WriteLine($"command: dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- hnsw-storage {string.Join(' ', args)}");

        var synthetic = new SyntheticEmbedder();
        var dimensions = synthetic.Dimensions;
        var rows = SyntheticVectors.OfProducts(synthetic, size);
        var vectors = SyntheticCatalog.Queries(queryCount).Select(synthetic.EmbedOne).ToArray();
        var exactSearch = new ExactSearch(rows, dimensions);
        var exact = exactSearch.SearchAll(vectors, 10);
        Log(label, $"{size:N0} vectors and the exact top-10 of {vectors.Length} queries ready");

        Console.WriteLine();
        Console.WriteLine($"M {connectivity}, ef_construction {expansionAdd}");
        Console.WriteLine("| storage | add threads | build | vectors/s | graph in memory | ef | recall@10 | queries/s, 1 thread (2 threads) | p50 µs, 1 thread | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var storage in storages)
        {
            foreach (var threads in addThreads)
            {
                using var graph = UsearchIndex.Create(new HnswOptions
                {
                    Dimensions = dimensions, Storage = storage, SearchThreads = Environment.ProcessorCount, AddThreads = threads,
                    Connectivity = connectivity, ExpansionAdd = expansionAdd,
                });
                var loadBefore = LoadAverage.OneMinute();
                var build = Stopwatch.StartNew();
                SyntheticVectors.AddAll(graph, rows);
                build.Stop();
                var perSecond = size / build.Elapsed.TotalSeconds;
                Log(label, $"{storage}, {threads} add threads: built in {build.Elapsed.TotalMinutes:F1} min ({perSecond:N0}/s), {graph.MemoryUsage / 1048576.0:F0} MiB, {graph.UnreachableReinserted:N0} reinserted after a concurrent add, load {loadBefore}–{LoadAverage.OneMinute()}");
                foreach (var point in ScaleRun.SweepEf(graph, vectors, exactSearch, exact, message => Log($"{label} {storage}", message)))
                {
                    Console.WriteLine($"| {storage} | {threads} | {build.Elapsed.TotalMinutes:F2} min | {perSecond:N0} | {graph.MemoryUsage / 1048576.0:N0} MiB | {point.Ef} | {point.RecallAt10:F4} | " +
                                      $"{point.OneThread.QueriesPerSecond:N0} ({point.TwoThreads.QueriesPerSecond:N0}) | {point.OneThread.P50Ms * 1000:N0} | {LoadAverage.OneMinute()} |");
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage.OneMinute()}");
        return 0;
    }

    private static void Log(string label, string message) => Console.Error.WriteLine($"[{label} {DateTime.Now:HH:mm:ss}] {message}");
}
