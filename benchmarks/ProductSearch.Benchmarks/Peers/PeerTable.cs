using System.Globalization;
using System.Text;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Evaluation;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// Scores every system's rankings with the same code (<see cref="RankingMetrics"/>: nDCG@10 with ESCI gains,
/// Recall@10 of Exact products, MRR@10) and renders the peer tables, with ours ÷ peer computed pair by pair from
/// this run's numbers.
/// </summary>
internal static class PeerTable
{
    public static string Render(PeerData data, IReadOnlyList<PeerResult> results, ExactSearch exact, NodePeerOutput? node, IReadOnlyList<string> notes, string header)
    {
        var text = new StringBuilder();
        void Line(string s = "") => text.AppendLine(s);
        Line(header);
        Line();
        var m = data.Meta;
        Line(F($"Data: {data.Products.Count:N0} products, {data.Queries.Count} judged queries; vectors: {m.Model} ({m.Dimensions}-d), embedded once by ProductSearch and read by every system from one folder. ") +
             F($"Embedding cost (not in any figure below): titles {m.Documents / m.TitleEmbeddingSeconds:N0}/s ({m.TitleEmbeddingSeconds:F1} s); one query p50 {m.QueryEmbedding.P50Ms:F2} ms, p99 {m.QueryEmbedding.P99Ms:F2} ms (1 thread, load {m.LoadAverage:F1}, {m.EmbeddedUtc:yyyy-MM-dd}). ") +
             $"Peers' full-text field: {m.SearchTextIs}. Node {node?.Node ?? "—"}; packages: {(node is null ? "—" : string.Join(", ", node.Packages.Select(p => $"{p.Key} {p.Value ?? "missing"}")))}.");
        Line();
        Line("| system | mode | nDCG@10 | Recall@10 | MRR@10 | queries/s (1 thread) | p50 ms | build s |");
        Line("|---|---|---|---|---|---|---|---|");
        var scored = results.Where(r => r.Kind != "hnsw").Select(r => (Result: r, Metrics: Score(data, r))).ToArray();
        foreach (var (r, s) in scored)
            Line(F($"| {r.System} | {r.Mode} | {s.Ndcg:F4} | {s.Recall:F4} | {s.Mrr:F4} | {r.Qps:N0} | {r.P50Ms:F3} | {r.BuildSeconds:F2} |") + (r.Errors > 0 ? $" {r.Errors} queries failed: {r.FirstError}" : ""));
        Line();
        Line("Ours ÷ peer, pair by pair (same run, same vectors; queries/s ratio > 1 means ours is faster; nDCG@10 difference > 0 means ours ranks better):");
        Line();
        Line("| ours | peer | queries/s ours ÷ peer | nDCG@10 ours − peer |");
        Line("|---|---|---|---|");
        foreach (var (peer, ps) in scored.Where(x => !x.Result.System.StartsWith(OurSystems.Name, StringComparison.Ordinal)))
        {
            var (ours, os) = scored.FirstOrDefault(x => x.Result.System == OurSystems.Name && x.Result.Kind == peer.Kind);
            if (ours is null) continue;
            if (peer.Errors == data.Queries.Count)
            {
                Line($"| {ours.Mode} | {peer.System} {peer.Mode} | failed: every query raised an error | — |");
                continue;
            }
            Line(F($"| {ours.Mode} | {peer.System} {peer.Mode} | {ours.Qps / peer.Qps:F2} | {os.Ndcg - ps.Ndcg:+0.0000;-0.0000} |"));
        }
        Line();
        var hnsw = results.Where(r => r.Kind == "hnsw").ToArray();
        if (hnsw.Length > 0)
        {
            Line("HNSW graphs alone (M 16, ef_construction 128, k = 10), recall@10 against exact search (ties with the 10th count as hits), 1 thread:");
            Line();
            var systems = hnsw.Select(h => h.System).Distinct().ToArray();
            var ours = systems.Where(s => s.StartsWith(OurSystems.Name, StringComparison.Ordinal)).ToArray();
            Line("| ef | " + string.Join(" | ", systems.Select(s => $"{s} recall@10 | queries/s")) + " | " + string.Join(" | ", ours.Select(s => $"{s} ÷ hnswlib-node, queries/s")) + " |");
            Line("|---|" + string.Concat(systems.Select(_ => "---|---|")) + string.Concat(ours.Select(_ => "---|")));
            var byId = data.Products.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var truth = exact.SearchAll(data.QueryVectors, 10);
            foreach (var ef in hnsw.Select(h => h.Ef).Distinct().Order())
            {
                PeerResult? At(string system) => hnsw.FirstOrDefault(h => h.System == system && h.Ef == ef);
                var theirs = At("hnswlib-node");
                Line($"| {ef} | " + string.Join(" | ", systems.Select(At).Select(r => r is null ? "— | —"
                    : F($"{exact.Recall(data.QueryVectors, truth, data.Queries.Select(q => (IReadOnlyCollection<int>)r.Rankings[q.QueryId].Select(id => byId[id]).ToArray()).ToArray(), 10):F4} | {r.Qps:N0}"))) + " | " +
                     string.Join(" | ", ours.Select(At).Select(o => o is not null && theirs is not null ? F($"{o.Qps / theirs.Qps:F2}") : "—")) + " |");
            }
            Line();
            Line("Build of the graph alone: " + string.Join("; ", systems.Select(s => F($"{s} {hnsw.First(h => h.System == s).BuildSeconds:F2} s"))) + ".");
            Line();
        }
        foreach (var note in notes) Line($"Note: {note}");
        return text.ToString();
    }

    private static (double Ndcg, double Recall, double Mrr) Score(PeerData data, PeerResult result)
    {
        double ndcg = 0, mrr = 0, recall = 0;
        var withExact = 0;
        foreach (var q in data.Queries)
        {
            var ranked = result.Rankings.TryGetValue(q.QueryId, out var r) ? r : [];
            ndcg += RankingMetrics.NdcgAt(10, ranked, q);
            mrr += RankingMetrics.ReciprocalRankAt(10, ranked, q);
            if (RankingMetrics.RecallAt(10, ranked, q) is { } value)
            {
                recall += value;
                withExact++;
            }
        }
        return (ndcg / data.Queries.Count, withExact == 0 ? double.NaN : recall / withExact, mrr / data.Queries.Count);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
