using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The second stage after fusion: may reorder the top of the fused list (a learned ranker over features of each
/// query–product pair). It sees the prepared query, the candidate lists and the snapshot, so it can read what it needs
/// of the candidates.
/// </summary>
internal interface IReranker
{
    /// <summary>The fused list, reordered (or as it is).</summary>
    Reranked Rerank(PreparedQuery query, CandidateLists candidates, IReadOnlyList<FusedCandidate> fused, IndexSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Each feature's part in the score of a candidate with these <paramref name="features"/>, for explanations.</summary>
    IReadOnlyList<FeatureContribution> Explain(float[] features);
}

/// <summary>The order the rerank stage settled on.</summary>
/// <param name="Order">Every fused candidate, best first.</param>
/// <param name="Features">The features of the candidates it scored, by key (empty when it scored none).</param>
internal sealed record Reranked(IReadOnlyList<FusedCandidate> Order, IReadOnlyDictionary<long, float[]> Features)
{
    /// <summary>The fused order, unchanged.</summary>
    public static Reranked Unchanged(IReadOnlyList<FusedCandidate> fused) => new(fused, new Dictionary<long, float[]>());
}

/// <summary>Leaves the fused order as it is: the stage for indexes without a usable, enabled second-stage ranker.</summary>
internal sealed class FusedOrder : IReranker
{
    public static FusedOrder Instance { get; } = new();

    public Reranked Rerank(PreparedQuery query, CandidateLists candidates, IReadOnlyList<FusedCandidate> fused, IndexSnapshot snapshot, CancellationToken cancellationToken) =>
        Reranked.Unchanged(fused);

    public IReadOnlyList<FeatureContribution> Explain(float[] features) => [];
}
