namespace ProductSearch.Evaluation;

/// <summary>What a <see cref="RetrievalMetric"/> measures.</summary>
public enum RetrievalMetricKind
{
    /// <summary>nDCG with ESCI gains (<see cref="RankingMetrics.NdcgAt"/>).</summary>
    Ndcg,
    /// <summary>Recall of Exact products (<see cref="RankingMetrics.RecallAt"/>); undefined for a query without one.</summary>
    Recall,
    /// <summary>Reciprocal rank of the first Exact product (<see cref="RankingMetrics.ReciprocalRankAt"/>).</summary>
    ReciprocalRank,
}

/// <summary>One per-query metric at a cutoff, named as in reports and JSON (<c>ndcg@10</c>, <c>recall@50</c>, <c>mrr@10</c>).</summary>
/// <param name="Kind">What it measures.</param>
/// <param name="Cutoff">How many results it looks at.</param>
public sealed record RetrievalMetric(RetrievalMetricKind Kind, int Cutoff)
{
    /// <summary>The deepest recall cutoff reported besides k: 100 results are fetched for every query.</summary>
    public const int DeepestRecallCutoff = 100;

    /// <summary>The name, e.g. <c>ndcg@10</c>.</summary>
    public string Name => Kind switch
    {
        RetrievalMetricKind.Ndcg => $"ndcg@{Cutoff}",
        RetrievalMetricKind.Recall => $"recall@{Cutoff}",
        _ => $"mrr@{Cutoff}",
    };

    /// <summary>The name as reports print it, e.g. <c>nDCG@10</c>, <c>Recall@50</c>, <c>MRR@10</c>.</summary>
    public string DisplayName => DisplayNameOf(Name);

    /// <summary><c>ndcg@10</c> → <c>nDCG@10</c>, <c>recall@50</c> → <c>Recall@50</c>, <c>mrr@10</c> → <c>MRR@10</c>.</summary>
    public static string DisplayNameOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("ndcg", StringComparison.Ordinal) ? "nDCG" + name[4..]
            : name.StartsWith("recall", StringComparison.Ordinal) ? "Recall" + name[6..]
            : name.StartsWith("mrr", StringComparison.Ordinal) ? "MRR" + name[3..]
            : name;
    }

    /// <summary>The value for one query, or <c>null</c> where it is undefined (recall of a query without Exact products).</summary>
    public double? Compute(IReadOnlyList<string> ranked, QueryJudgments judgments) => Kind switch
    {
        RetrievalMetricKind.Ndcg => RankingMetrics.NdcgAt(Cutoff, ranked, judgments),
        RetrievalMetricKind.Recall => RankingMetrics.RecallAt(Cutoff, ranked, judgments),
        _ => RankingMetrics.ReciprocalRankAt(Cutoff, ranked, judgments),
    };

    /// <summary>The metrics of an evaluation at cutoff <paramref name="k"/>: nDCG@k, Recall@k, @50 and @100, MRR@k.</summary>
    public static IReadOnlyList<RetrievalMetric> Standard(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var recalls = new[] { k, 50, DeepestRecallCutoff }.Distinct().Order().Select(c => new RetrievalMetric(RetrievalMetricKind.Recall, c));
        return [new(RetrievalMetricKind.Ndcg, k), .. recalls, new(RetrievalMetricKind.ReciprocalRank, k)];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
