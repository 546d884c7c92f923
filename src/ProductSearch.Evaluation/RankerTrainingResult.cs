using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>One outer fold of the nested cross-validation.</summary>
/// <param name="Repeat">Which fold assignment (0-based).</param>
/// <param name="Fold">The fold (0-based).</param>
/// <param name="Queries">Held-out queries.</param>
/// <param name="Chosen">The settings the inner folds chose on the other queries.</param>
/// <param name="FusedNdcg">Mean nDCG@10 of the fused order on the held-out queries.</param>
/// <param name="RankedNdcg">Mean nDCG@10 of the ranked order there.</param>
public sealed record RankerFold(int Repeat, int Fold, int Queries, LambdaMartSettings Chosen, double FusedNdcg, double RankedNdcg);

/// <summary>What training a ranker found.</summary>
/// <param name="Ranker">The ranker to store: trained on every query, with the estimate, enabled only when the gain is beyond noise (or forced).</param>
/// <param name="Folds">The outer folds, repeat by repeat.</param>
/// <param name="Chosen">The settings chosen for the stored model (by cross-validation on every query).</param>
/// <param name="FusedNdcg">Per query, nDCG@10 of the fused order.</param>
/// <param name="RankedNdcg">Per query, held-out nDCG@10 of the ranked order (mean over repeats).</param>
public sealed record RankerTrainingResult(StoredRanker Ranker, IReadOnlyList<RankerFold> Folds, LambdaMartSettings Chosen,
    IReadOnlyList<double> FusedNdcg, IReadOnlyList<double> RankedNdcg)
{
    /// <summary>The estimate of the gain on unseen queries (<see cref="StoredRanker.Estimate"/>).</summary>
    public RankerEstimate Estimate => Ranker.Estimate;
}
