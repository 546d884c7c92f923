namespace ProductSearch.Evaluation;

/// <summary>
/// Per-query ranking metrics over ESCI judgments. Unjudged products have gain 0; the ideal ranking is built from the
/// query's own judged products. "Relevant" for recall and MRR means labelled Exact.
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// nDCG@k with ESCI gains: DCG = Σᵢ gain(dᵢ) / log₂(i + 1) over the first k results (fewer if fewer were returned),
    /// divided by the DCG of the judged products sorted by gain. 0 when the query has no product with a positive gain.
    /// Judgments with graded gains (<see cref="QueryJudgments.Gains"/>) use those instead of the labels' gains;
    /// incomplete ones (<see cref="QueryJudgments.Complete"/>) are scored on the judged products of the list only.
    /// </summary>
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, QueryJudgments judgments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentNullException.ThrowIfNull(judgments);
        ranked = judgments.Judged(ranked);
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++) dcg += judgments.GainOf(ranked[i]) / Math.Log2(i + 2);
        var ideal = judgments.Labels.Keys.Select(judgments.GainOf).Where(g => g > 0).OrderDescending().Take(k)
            .Select((gain, i) => gain / Math.Log2(i + 2)).Sum();
        return ideal > 0 ? dcg / ideal : 0;
    }

    /// <summary>
    /// Recall@k of Exact products: the share of the query's Exact products found in the first k results;
    /// <c>null</c> when the query has no Exact product (such queries are left out of the mean, and counted).
    /// </summary>
    public static double? RecallAt(int k, IReadOnlyList<string> ranked, QueryJudgments judgments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var exact = judgments.ExactProducts.ToHashSet(StringComparer.Ordinal);
        if (exact.Count == 0) return null;
        return ranked.Take(k).Distinct(StringComparer.Ordinal).Count(exact.Contains) / (double)exact.Count;
    }

    /// <summary>
    /// MRR@k: 1 / rank of the first Exact product within the first k results, 0 when there is none (ranks among the
    /// judged products when the judgments are incomplete).
    /// </summary>
    public static double ReciprocalRankAt(int k, IReadOnlyList<string> ranked, QueryJudgments judgments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentNullException.ThrowIfNull(judgments);
        ranked = judgments.Judged(ranked);
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (judgments.LabelOf(ranked[i]) == EsciLabel.Exact) return 1.0 / (i + 1);
        return 0;
    }
}
