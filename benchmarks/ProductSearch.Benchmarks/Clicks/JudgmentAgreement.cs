using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// How well judgments from clicks agree with the true ones, on the (query, product) pairs the clicks judged (a product
/// the truth does not judge counts as Irrelevant, as nDCG counts it).
/// </summary>
/// <param name="Queries">Queries with click judgments.</param>
/// <param name="Pairs">(query, product) pairs judged from clicks.</param>
/// <param name="PairsInTruth">Of those, pairs the truth judges.</param>
/// <param name="LabelAgreement">Share of pairs whose click label equals the true label.</param>
/// <param name="Confusion">Counts by [true label, click label], labels in enum order (I, C, S, E).</param>
/// <param name="KendallGain">Mean over queries of Kendall's τ-b between the click gain and the true ESCI gain.</param>
/// <param name="KendallCtr">The same for raw click-through rate (no position correction).</param>
/// <param name="NdcgByGain">Mean nDCG@10 (true gains) of each query's click-judged products ordered by click gain.</param>
/// <param name="NdcgByCtr">The same ordered by raw click-through rate.</param>
/// <param name="NdcgByPosition">The same ordered by where the engine showed them (mean position): what clicks add to the engine's own order.</param>
internal sealed record JudgmentAgreement(int Queries, int Pairs, int PairsInTruth, double LabelAgreement, int[,] Confusion,
    double KendallGain, double KendallCtr, double NdcgByGain, double NdcgByCtr, double NdcgByPosition)
{
    public static JudgmentAgreement Measure(IReadOnlyList<ClickJudgment> judgments, IReadOnlyList<QueryJudgments> truth,
        IReadOnlyDictionary<(string QueryId, string ProductId), double>? meanPositions = null)
    {
        var truthByText = truth.ToDictionary(t => ClickJudgments.QueryIdOf(t.Query), StringComparer.Ordinal);
        var confusion = new int[4, 4];
        int pairs = 0, inTruth = 0, agree = 0;
        var kendallGain = new List<double>();
        var kendallCtr = new List<double>();
        var ndcgGain = new List<double>();
        var ndcgCtr = new List<double>();
        var ndcgPosition = new List<double>();
        foreach (var group in judgments.GroupBy(j => j.QueryId, StringComparer.Ordinal))
        {
            if (!truthByText.TryGetValue(group.Key, out var judged)) continue;
            var items = group.ToArray();
            foreach (var j in items)
            {
                pairs++;
                if (judged.Labels.ContainsKey(j.ProductId)) inTruth++;
                var trueLabel = judged.LabelOf(j.ProductId);
                confusion[(int)trueLabel, (int)j.Label]++;
                if (trueLabel == j.Label) agree++;
            }
            var trueGains = items.Select(j => EsciLabels.Gain(judged.LabelOf(j.ProductId))).ToArray();
            if (Kendall(items.Select(j => j.Gain).ToArray(), trueGains) is { } tg) kendallGain.Add(tg);
            if (Kendall(items.Select(j => j.ClickThroughRate).ToArray(), trueGains) is { } tc) kendallCtr.Add(tc);
            ndcgGain.Add(RankingMetrics.NdcgAt(10, items.OrderByDescending(j => j.Gain).ThenBy(j => j.ProductId, StringComparer.Ordinal).Select(j => j.ProductId).ToArray(), judged));
            ndcgCtr.Add(RankingMetrics.NdcgAt(10, items.OrderByDescending(j => j.ClickThroughRate).ThenBy(j => j.ProductId, StringComparer.Ordinal).Select(j => j.ProductId).ToArray(), judged));
            if (meanPositions is not null)
                ndcgPosition.Add(RankingMetrics.NdcgAt(10, items.OrderBy(j => meanPositions.GetValueOrDefault((j.QueryId, j.ProductId), double.MaxValue))
                    .ThenBy(j => j.ProductId, StringComparer.Ordinal).Select(j => j.ProductId).ToArray(), judged));
        }
        return new JudgmentAgreement(ndcgGain.Count, pairs, inTruth, pairs == 0 ? 0 : agree / (double)pairs, confusion,
            Mean(kendallGain), Mean(kendallCtr), Mean(ndcgGain), Mean(ndcgCtr), ndcgPosition.Count == 0 ? double.NaN : Mean(ndcgPosition));
    }

    /// <summary>Kendall's τ-b (ties in either list handled); <c>null</c> when either list is constant.</summary>
    public static double? Kendall(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (var i = 0; i < x.Count; i++)
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0) continue;
                if (dx == 0) tiesX++;
                else if (dy == 0) tiesY++;
                else if (dx == dy) concordant++;
                else discordant++;
            }
        var denominator = Math.Sqrt((double)(concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denominator == 0 ? null : (concordant - discordant) / denominator;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
