using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// One list from the retrievers' candidates: the single retriever's own order in BM25 or dense mode; in hybrid modes
/// the profile's fusion (with <see cref="Fused.Lists"/> for the second stage) and the dense candidates the relevance
/// floor removed, nearest first. The one code that fuses, for one index and for the coordinator of a sharded one
/// (which fuses the shards' candidates only once they are merged into one list per retriever).
/// </summary>
internal static class CandidateFusion
{
    public static Fused Fuse(SearchMode mode, RankingProfile profile, CandidateLists lists)
    {
        switch (mode)
        {
            case SearchMode.Bm25: return new Fused(Single(lists.Lexical, lexicalSide: true), null, []);
            case SearchMode.Dense: return new Fused(Single(lists.Dense, lexicalSide: false), null, []);
        }
        var above = profile.AboveFloor(lists).Select(c => c.Key).ToHashSet();
        var below = lists.Dense.Select(c => c.Key).Where(k => !above.Contains(k)).ToArray();
        return new Fused(profile.Rank(lists), lists, below);
    }

    private static FusedCandidate[] Single(IReadOnlyList<(long Key, float Score)> list, bool lexicalSide) =>
        list.Select((h, i) => new FusedCandidate(h.Key, h.Score,
            lexicalSide ? new RetrieverHit(i + 1, h.Score) : null,
            lexicalSide ? null : new RetrieverHit(i + 1, h.Score),
            lexicalSide ? h.Score : 0, lexicalSide ? 0 : h.Score)).ToArray();
}

/// <param name="Order">Fused order, best first.</param>
/// <param name="Lists">The candidate lists it came from, in the hybrid modes (what the second stage reads).</param>
/// <param name="BelowFloor">Keys of the dense candidates the relevance floor removed.</param>
internal sealed record Fused(IReadOnlyList<FusedCandidate> Order, CandidateLists? Lists, IReadOnlyList<long> BelowFloor);
