namespace ProductSearch.Ranking;

/// <summary>
/// How a second-stage ranker is expected to do on queries it was not trained on: nested cross-validation over judged
/// queries (the outer folds estimate, inner folds choose the model's settings), nDCG@10 of the ranked order against the
/// fused order it reorders, on the same held-out queries.
/// </summary>
public sealed record RankerEstimate
{
    /// <summary>p-values at or above this, or no gain at all, count as noise: the index is not switched to the ranker.</summary>
    public const double Significance = 0.05;

    /// <summary>Judged queries the estimate is made on.</summary>
    public required int Queries { get; init; }

    /// <summary>Outer cross-validation folds.</summary>
    public required int Folds { get; init; }

    /// <summary>How many fold assignments were run (the means average over them).</summary>
    public required int Repeats { get; init; }

    /// <summary>Mean nDCG@10 of the fused order (the hybrid search without the ranker).</summary>
    public required double FusedNdcg { get; init; }

    /// <summary>Mean held-out nDCG@10 of the ranked order.</summary>
    public required double RankedNdcg { get; init; }

    /// <summary>Lower end of the 95 % bootstrap interval of the mean difference (ranked − fused).</summary>
    public required double DifferenceLow { get; init; }

    /// <summary>Upper end of that interval.</summary>
    public required double DifferenceHigh { get; init; }

    /// <summary>Two-sided p-value of the paired sign-flip test of ranked against fused, per query.</summary>
    public required double PValue { get; init; }

    /// <summary>The mean difference (ranked − fused) in each outer fold, fold by fold and repeat by repeat: its spread.</summary>
    public required IReadOnlyList<double> FoldDifferences { get; init; }

    /// <summary>Mean difference, ranked − fused.</summary>
    public double Difference => RankedNdcg - FusedNdcg;

    /// <summary>Whether the gain is real by this estimate: positive, with p below <see cref="Significance"/>.</summary>
    public bool IsBeyondNoise => Difference > 0 && PValue < Significance;
}
