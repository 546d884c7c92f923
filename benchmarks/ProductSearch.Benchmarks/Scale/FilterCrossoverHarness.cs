using System.Collections;
using System.Globalization;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// Where a filtered graph search stops paying: for filters passing a given fraction of the products (a seeded random
/// subset, so the filter says nothing about the query), USearch's filtered HNSW search against an exact search over
/// the passing products' stored vectors (<see cref="IVectorIndex.SearchExact"/>, what the dense retriever falls back to)
/// — recall@10 and recall at the depth against a brute force over the same products, and p50 latency of both on one
/// thread. The scale harness's synthetic catalog and 384-d vectors, the index's default <see cref="HnswOptions"/>.
/// </summary>
/// <remarks>Usage: <c>filter-crossover [--sizes 10k,100k] [--queries 200] [--depth 100] [--selectivities 0.5,0.2,…] [--json]</c>.</remarks>
internal static class FilterCrossoverHarness
{
    private const int FilterSeed = 15;

    public static int Run(string[] args)
    {
        var sizes = new[] { 10_000, 100_000 };
        var queryCount = 200;
        var depth = 100;
        double[] selectivities = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" or "--sizes": sizes = ScaleOptions.Value(args, ref i).Split(',').Select(ScaleSizes.Parse).ToArray(); break;
                case "--queries": queryCount = PositiveInt(ScaleOptions.Value(args, ref i), "--queries"); break;
                case "--depth": depth = PositiveInt(ScaleOptions.Value(args, ref i), "--depth"); break;
                case "--selectivities": selectivities = ScaleOptions.Value(args, ref i).Split(',').Select(Fraction).ToArray(); break;
                case "--json": json = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var header = $"# Filtered HNSW against exact search — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {MachineInfo.Describe()}";
        var command = $"dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- filter-crossover {string.Join(' ', args)}";
        Console.Error.WriteLine(header);
        var rows = sizes.SelectMany(size => Measure(size, queryCount, depth, selectivities)).ToList();
        // With --json the JSON is the output and the table goes to the log beside it.
        var table = json ? Console.Error : Console.Out;
        if (json) Console.WriteLine(JsonSerializer.Serialize(new { machine = MachineInfo.Describe(), command, depth, queries = queryCount, rows }, ScaleJson.Options));
        table.WriteLine(header);
        table.WriteLine($"command: {command}");
        table.WriteLine();
        table.WriteLine($"| size | passing | products | graph recall@10 | graph recall@{depth} | exact recall@{depth} | p50 µs k=10: graph / exact | p50 µs k={depth}: graph / exact | load |");
        table.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            table.WriteLine($"| {ScaleSizes.Format(r.Size)} | {r.Selectivity:P1} | {r.Passing:N0} | {r.GraphRecallAt10:F4} | {r.GraphRecallAtDepth:F4} | {r.ExactRecallAtDepth:F4} | " +
                            $"{r.GraphP50UsAt10:N0} / {r.ExactP50UsAt10:N0} | {r.GraphP50UsAtDepth:N0} / {r.ExactP50UsAtDepth:N0} | {r.Load:F1} |");
        }
        return 0;
    }

    private static IEnumerable<CrossoverRow> Measure(int size, int queryCount, int depth, double[] selectivities)
    {
        var label = "filter-" + ScaleSizes.Format(size);
        var synthetic = new SyntheticEmbedder();
        var dimensions = synthetic.Dimensions;
        var vectors = SyntheticVectors.OfProducts(synthetic, size);
        var queries = SyntheticCatalog.Queries(queryCount).Select(synthetic.EmbedOne).ToArray();
        using var graph = UsearchIndex.Create(new HnswOptions { Dimensions = dimensions });
        SyntheticVectors.AddAll(graph, vectors);
        Log(label, $"{size:N0} vectors in the graph (default HnswOptions, ef {graph.ExpansionSearch}), {queries.Length} queries");

        // One random order of the rows; a filter passing fraction s is its first s·N rows, so smaller filters nest in larger ones.
        var order = Enumerable.Range(0, size).ToArray();
        new Random(FilterSeed).Shuffle(order);
        foreach (var selectivity in selectivities)
        {
            var passing = Math.Max(1, (int)Math.Round(selectivity * size));
            var rows = order.Take(passing).Order().ToArray();
            var bits = new BitArray(size + 1);
            foreach (var row in rows) bits[row + 1] = true;
            var allowed = new KeySet(bits, passing);
            yield return Compare(label, size, graph, vectors, dimensions, queries, depth, selectivity, rows, allowed);
        }
    }

    private static CrossoverRow Compare(string label, int size, UsearchIndex graph, float[] vectors, int dimensions, float[][] queries, int depth,
        double selectivity, int[] rows, KeySet allowed)
    {
        // Ground truth: brute force over the passing rows only (ExactSearch normalises its own copy).
        var subset = new float[rows.Length * dimensions];
        for (var i = 0; i < rows.Length; i++) vectors.AsSpan(rows[i] * dimensions, dimensions).CopyTo(subset.AsSpan(i * dimensions));
        var truth = new ExactSearch(subset, dimensions);
        var exactTop = truth.SearchAll(queries, depth);
        var positionOfKey = new Dictionary<ulong, int>(rows.Length);
        for (var i = 0; i < rows.Length; i++) positionOfKey[(ulong)rows[i] + 1] = i;

        var items = Enumerable.Range(0, queries.Length).ToArray();
        var warmUp = items.Take(Math.Min(50, items.Length)).ToArray();
        (double Recall10, double RecallDepth, LatencyStats At10, LatencyStats AtDepth) Run(Func<float[], int, IReadOnlyList<VectorHit>> search)
        {
            var found10 = new IReadOnlyCollection<int>[queries.Length];
            var foundDepth = new IReadOnlyCollection<int>[queries.Length];
            int[] Positions(IReadOnlyList<VectorHit> hits) => hits.Select(h => positionOfKey.GetValueOrDefault(h.Key, -1)).ToArray();
            // As the dense retriever asks: never more than pass the filter.
            var k10 = Math.Min(10, rows.Length);
            var kDepth = Math.Min(depth, rows.Length);
            TimedRunner.Run(warmUp, 1, i => search(queries[i], kDepth));
            var at10 = TimedRunner.Run(items, 1, i => found10[i] = Positions(search(queries[i], k10)));
            var atDepth = TimedRunner.Run(items, 1, i => foundDepth[i] = Positions(search(queries[i], kDepth)));
            return (truth.Recall(queries, exactTop, found10, 10), truth.Recall(queries, exactTop, foundDepth, depth), at10, atDepth);
        }

        var filtered = Run((q, k) => graph.Search(q, k, allowed.Contains));
        // The fallback's own cost, listing the passing keys included.
        var exact = Run((q, k) => graph.SearchExact(q, k, allowed.ToArray()));
        var load = LoadAverage.OneMinute() ?? double.NaN;
        var row = new CrossoverRow(size, selectivity, rows.Length,
            filtered.Recall10, filtered.RecallDepth, exact.Recall10, exact.RecallDepth,
            filtered.At10.P50Ms * 1000, exact.At10.P50Ms * 1000, filtered.AtDepth.P50Ms * 1000, exact.AtDepth.P50Ms * 1000, load);
        Log(label, string.Create(CultureInfo.InvariantCulture,
            $"{selectivity,6:P1} ({rows.Length,6:N0}): graph recall@10 {row.GraphRecallAt10:F4} @{depth} {row.GraphRecallAtDepth:F4}, exact @{depth} {row.ExactRecallAtDepth:F4}; " +
            $"p50 µs k=10 {row.GraphP50UsAt10:F0}/{row.ExactP50UsAt10:F0}, k={depth} {row.GraphP50UsAtDepth:F0}/{row.ExactP50UsAtDepth:F0}; load {load:F1}"));
        return row;
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} needs a positive whole number, not '{text}'.");

    private static double Fraction(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is > 0 and <= 1
            ? f
            : throw new ArgumentException($"'{text}' is not a fraction of the catalog (write e.g. 0.01 for 1 %).");

    private static void Log(string label, string message) => Console.Error.WriteLine($"[{label} {DateTime.Now:HH:mm:ss}] {message}");

    /// <summary>One filter at one catalog size; latencies in microseconds, one thread.</summary>
    private sealed record CrossoverRow(int Size, double Selectivity, int Passing,
        double GraphRecallAt10, double GraphRecallAtDepth, double ExactRecallAt10, double ExactRecallAtDepth,
        double GraphP50UsAt10, double ExactP50UsAt10, double GraphP50UsAtDepth, double ExactP50UsAtDepth, double Load);
}
