namespace ProductSearch.Evaluation;

/// <summary>
/// A ranking's mean figures over judged queries: nDCG@10 (with its 95 % bootstrap interval over queries), Recall@10
/// and Recall@100 of Exact products (over the queries that have one), MRR@10.
/// </summary>
public sealed record RetrievalFigures(double Ndcg10, (double Low, double High)? NdcgInterval, double Recall10, double Recall100, double Mrr10)
{
    /// <summary>Where each figure sits in a per-query row of <see cref="Of"/>.</summary>
    internal const int Ndcg = 0, RecallAt10 = 1, RecallAt100 = 2, Mrr = 3, Count = 4;

    /// <summary>One query's four figures for <paramref name="ranked"/> (recall <see cref="double.NaN"/> when the query has no Exact product).</summary>
    internal static double[] OfQuery(IReadOnlyList<string> ranked, QueryJudgments judgments) =>
    [
        RankingMetrics.NdcgAt(10, ranked, judgments),
        RankingMetrics.RecallAt(10, ranked, judgments) ?? double.NaN,
        RankingMetrics.RecallAt(100, ranked, judgments) ?? double.NaN,
        RankingMetrics.ReciprocalRankAt(10, ranked, judgments),
    ];

    /// <summary>The means of per-query figures (<paramref name="perFigure"/>[figure][query]); undefined recalls are left out.</summary>
    internal static RetrievalFigures Of(IReadOnlyList<double[]> perFigure, int seed) => new(
        perFigure[Ndcg].Average(),
        BootstrapInterval.OfMean(perFigure[Ndcg], 10_000, seed),
        MeanDefined(perFigure[RecallAt10]),
        MeanDefined(perFigure[RecallAt100]),
        perFigure[Mrr].Average());

    private static double MeanDefined(double[] values) => values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();
}
