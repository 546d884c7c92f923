namespace ProductSearch.Evaluation;

/// <summary>A metric's mean over queries with its bootstrap confidence interval.</summary>
/// <param name="Mean">The mean over the queries where the metric is defined.</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="Queries">How many queries the mean is over.</param>
public sealed record MetricEstimate(double Mean, double Low, double High, int Queries);

/// <summary>One mode's results.</summary>
/// <param name="Mode">The search mode.</param>
/// <param name="Metrics">Estimates by metric name (<c>ndcg@10</c>, …).</param>
/// <param name="RecallCurve">Mean Recall@k of Exact products for k = 1 … depth (index k − 1), over queries with one.</param>
public sealed record ModeResult(SearchMode Mode, IReadOnlyDictionary<string, MetricEstimate> Metrics, IReadOnlyList<double> RecallCurve);

/// <summary>A paired randomisation test of one mode against another on one metric.</summary>
/// <param name="Mode">The mode tested.</param>
/// <param name="Baseline">The mode it is compared with.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="MeanDifference">Mean over queries of mode − baseline.</param>
/// <param name="PValue">Two-sided p-value of the sign-flip test.</param>
/// <param name="Queries">Queries paired.</param>
public sealed record PairedComparison(SearchMode Mode, SearchMode Baseline, string Metric, double MeanDifference, double PValue, int Queries);

/// <summary>One query's results.</summary>
/// <param name="QueryId">The query's id.</param>
/// <param name="Query">Its text.</param>
/// <param name="ExactProducts">How many judged products are Exact.</param>
/// <param name="ProductsNotInIndex">Judged products missing from the index (<c>null</c> when the index was not checked).</param>
/// <param name="Values">Per mode, each metric's value (<c>null</c> where undefined).</param>
public sealed record QueryOutcome(string QueryId, string Query, int ExactProducts, int? ProductsNotInIndex,
    IReadOnlyDictionary<SearchMode, IReadOnlyDictionary<string, double?>> Values);

/// <summary>What a <see cref="RetrievalEvaluator"/> measured.</summary>
public sealed record RetrievalEvaluation
{
    /// <summary>The settings it ran with.</summary>
    public required RetrievalEvaluationOptions Options { get; init; }

    /// <summary>Per mode, in the order of <see cref="RetrievalEvaluationOptions.Modes"/>.</summary>
    public required IReadOnlyList<ModeResult> Modes { get; init; }

    /// <summary>Each later mode against each earlier one, on every metric.</summary>
    public required IReadOnlyList<PairedComparison> Comparisons { get; init; }

    /// <summary>Per query, in input order.</summary>
    public required IReadOnlyList<QueryOutcome> Queries { get; init; }

    /// <summary>Queries without an Exact product: left out of recall (and of the recall curve), kept elsewhere.</summary>
    public required int QueriesWithoutExact { get; init; }

    /// <summary>Distinct products judged over all queries.</summary>
    public required int JudgedProducts { get; init; }

    /// <summary>Distinct judged products not in the index (<c>null</c>: not checked). They count in the ideal DCG and recall denominators but cannot be found.</summary>
    public required int? JudgedProductsNotInIndex { get; init; }

    /// <summary>Queries with at least one judged product not in the index (<c>null</c>: not checked).</summary>
    public required int? QueriesWithProductsNotInIndex { get; init; }
}
