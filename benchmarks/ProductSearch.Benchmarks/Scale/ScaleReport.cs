using System.Globalization;
using System.Text;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>The scale tables as Markdown: build and size, query latency, HNSW recall and speed per ef, and growth.</summary>
internal static class ScaleReport
{
    private const double MiB = 1024 * 1024;

    public static string Render(IReadOnlyList<ScaleResult> results, IReadOnlyList<string> failures, string command)
    {
        var text = new StringBuilder();
        void Line(string s = "") => text.AppendLine(s);
        if (results.Count > 0)
        {
            var first = results[0];
            Line($"Measured {first.StartedUtc:yyyy-MM-dd} on {first.Machine}.");
            Line($"Command: `{command}`");
            Line();
            Line("Build and size (build: generate, embed, write LiteDB + Lucene + HNSW, commit; model load excluded):");
            Line();
            Line("| catalog | vectors | build | products/s | peak RSS build | peak RSS search | index on disk | store / lexical / HNSW | load avg |");
            Line("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
                Line(F($"| {r.Label} | {r.Vectors} | {Duration(r.BuildSeconds)} | {r.ProductsPerSecond:N0} | {Mem(r.BuildPeakRssBytes)} | {Mem(r.SearchPeakRssBytes)}{(r.PeakResetWorked ? "" : " (incl. build)")} | {r.IndexBytes / MiB:N0} MiB | {r.StoreBytes / MiB:N0} / {r.LexicalBytes / MiB:N0} / {r.VectorBytes / MiB:N0} MiB | {r.LoadAverageStart:F1}–{r.LoadAverageEnd:F1} |"));
            Line();
            Line($"End-to-end `SearchEngine.SearchAsync`, k = 10, default profile, {first.Queries.Values.FirstOrDefault()?.Count} generated queries after a warm-up pass (p50 / p99 ms, queries/s). " +
                 "\"with embedding\" runs the real default model on each query (at synthetic sizes its output is discarded and the synthetic vector used); \"no embedding\" hands precomputed query vectors:");
            Line();
            Line("| catalog | hybrid, with embedding, 1 thread | same, 1 intra-op thread | 2 threads | hybrid, no embedding, 1 thread | 2 threads | BM25 only | dense only, no embedding | query embedding alone |");
            Line("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
                Line($"| {r.Label} | {Q(r, "hybrid/1")} | {Q(r, "hybrid-intra1/1")} | {Q(r, "hybrid/2")} | {Q(r, "hybrid-noembed/1")} | {Q(r, "hybrid-noembed/2")} | {Q(r, "bm25/1")} | {Q(r, "dense-noembed/1")} | " +
                     (r.QueryEmbedding is { } e ? F($"{e.P50Ms:F2} / {e.P99Ms:F2}, {e.QueriesPerSecond:N0}/s") : "—") + " |");
            Line();
            Line("HNSW alone (USearch, M = 16, ef_construction = 128, cosine), k = 10, recall@10 against exact search; queries/s on 1 thread (2 threads), p50 µs on 1 thread:");
            Line();
            Line("| catalog | " + string.Join(" | ", ScaleRun.EfValues.Select(ef => $"ef {ef}")) + " |");
            Line("|---|" + string.Concat(ScaleRun.EfValues.Select(_ => "---|")));
            foreach (var r in results)
                Line($"| {r.Label} | " + string.Join(" | ", r.Hnsw.Select(h =>
                    F($"{h.RecallAt10:F4} — {h.OneThread.QueriesPerSecond:N0} ({h.TwoThreads.QueriesPerSecond:N0}) q/s, {h.OneThread.P50Ms * 1000:N0} µs"))) + " |");
            Line();
            Growth(results.Where(r => !r.Label.EndsWith("-real", StringComparison.Ordinal)).ToArray(), Line);
        }
        foreach (var failure in failures) Line($"FAILED: {failure}");
        return text.ToString();
    }

    // How each cost grows from the smallest synthetic size: the ratio, and the ratio per ×10 in size.
    private static void Growth(ScaleResult[] runs, Action<string> line)
    {
        if (runs.Length < 2) return;
        var baseRun = runs[0];
        var metrics = new (string Name, Func<ScaleResult, double?> Value)[]
        {
            ("build time (s)", r => r.BuildSeconds),
            ("peak RSS, build (MiB)", r => r.BuildPeakRssBytes / MiB),
            ("peak RSS, search (MiB)", r => r.SearchPeakRssBytes / MiB),
            ("index on disk (MiB)", r => r.IndexBytes / MiB),
            ("hybrid p50, with embedding (ms)", r => r.Queries.GetValueOrDefault("hybrid/1")?.P50Ms),
            ("hybrid p99, with embedding (ms)", r => r.Queries.GetValueOrDefault("hybrid/1")?.P99Ms),
            ("hybrid p50, 1 intra-op thread (ms)", r => r.Queries.GetValueOrDefault("hybrid-intra1/1")?.P50Ms),
            ("hybrid p99, 1 intra-op thread (ms)", r => r.Queries.GetValueOrDefault("hybrid-intra1/1")?.P99Ms),
            ("hybrid p50, no embedding (ms)", r => r.Queries.GetValueOrDefault("hybrid-noembed/1")?.P50Ms),
            ("BM25 p50 (ms)", r => r.Queries.GetValueOrDefault("bm25/1")?.P50Ms),
            ("HNSW ef 64 p50 (ms)", r => r.Hnsw.FirstOrDefault(h => h.Ef == 64)?.OneThread.P50Ms),
            ("HNSW ef 64 recall@10", r => r.Hnsw.FirstOrDefault(h => h.Ef == 64)?.RecallAt10),
            ("HNSW ef 128 queries/s, 1 thread", r => r.Hnsw.FirstOrDefault(h => h.Ef == 128)?.OneThread.QueriesPerSecond),
            ("HNSW ef 128 recall@10", r => r.Hnsw.FirstOrDefault(h => h.Ef == 128)?.RecallAt10),
        };
        line($"Growth from {baseRun.Label} (synthetic vectors throughout); ×: ratio to {baseRun.Label}:");
        line("");
        line("| metric | " + string.Join(" | ", runs.Select(r => r.Label)) + " | " + string.Join(" | ", runs.Skip(1).Select(r => $"× {r.Label}/{baseRun.Label}")) + " |");
        line("|---|" + string.Concat(runs.Select(_ => "---|")) + string.Concat(runs.Skip(1).Select(_ => "---|")));
        foreach (var (name, value) in metrics)
        {
            var b = value(baseRun);
            line($"| {name} | " + string.Join(" | ", runs.Select(r => value(r) is { } v ? F($"{v:G4}") : "—")) + " | " +
                 string.Join(" | ", runs.Skip(1).Select(r => value(r) is { } v && b is > 0 ? F($"{v / b.Value:F2}") : "—")) + " |");
        }
        line("");
    }

    private static string Q(ScaleResult r, string key) =>
        r.Queries.TryGetValue(key, out var s) ? F($"{s.P50Ms:F2} / {s.P99Ms:F2}, {s.QueriesPerSecond:N0}/s") : "—";

    private static string Mem(long? bytes) => bytes is { } b ? F($"{b / MiB:N0} MiB") : "n/a";

    private static string Duration(double seconds) => seconds < 120 ? F($"{seconds:F1} s") : F($"{seconds / 60:F1} min");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
