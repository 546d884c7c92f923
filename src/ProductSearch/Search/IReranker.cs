using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The second stage after fusion: may reorder the top of the fused list (a learned ranker over features of each
/// query–product pair). It sees the prepared query and the snapshot, so it can read what it needs of the candidates.
/// </summary>
internal interface IReranker
{
    /// <summary>The fused list, reordered (or as it is).</summary>
    IReadOnlyList<FusedCandidate> Rerank(PreparedQuery query, IReadOnlyList<FusedCandidate> fused, IndexSnapshot snapshot, CancellationToken cancellationToken);
}

/// <summary>Leaves the fused order as it is: the stage for indexes without a second-stage ranker.</summary>
internal sealed class FusedOrder : IReranker
{
    public static FusedOrder Instance { get; } = new();

    public IReadOnlyList<FusedCandidate> Rerank(PreparedQuery query, IReadOnlyList<FusedCandidate> fused, IndexSnapshot snapshot, CancellationToken cancellationToken) => fused;
}
