using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>One judged query with the top of its fused ranking and each candidate's features: a group of a ranker's training data.</summary>
/// <param name="Judgments">The query and its judged products.</param>
/// <param name="Candidates">The first candidates of its fused ranking, in fused order, with their features.</param>
public sealed record RankerTrainingQuery(QueryJudgments Judgments, IReadOnlyList<RankerCandidate> Candidates)
{
    /// <summary>The candidates' ids in fused order.</summary>
    public IReadOnlyList<string> FusedOrder => Candidates.Select(c => c.ProductId).ToArray();
}

/// <summary>A learned ranker's training data: judged queries with their fused candidates and features (see <see cref="RankerTrainingData"/>).</summary>
public sealed record RankerTrainingSet
{
    /// <summary>The judged queries, each with its candidates.</summary>
    public required IReadOnlyList<RankerTrainingQuery> Queries { get; init; }

    /// <summary>How many fused candidates per query were taken (the depth the ranker learns to reorder).</summary>
    public required int Depth { get; init; }

    /// <summary>The factor of the negation demotion that the learned order keeps applying (the profile's).</summary>
    public required double NegationDemotion { get; init; }

    /// <summary>Distinct judged products.</summary>
    public int JudgedProducts { get; init; }

    /// <summary>Judged products the index does not hold (they cannot be candidates; they stay in each query's ideal ranking).</summary>
    public int JudgedProductsNotInIndex { get; init; }

    /// <summary>Queries with at least one judged product the index does not hold.</summary>
    public int QueriesWithProductsNotInIndex { get; init; }

    /// <summary>SHA-256 of what the ranker is trained on: the judgments, the feature set, the depth, the index's commit and model.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Candidate rows over all queries.</summary>
    public int Rows => Queries.Sum(q => q.Candidates.Count);
}
