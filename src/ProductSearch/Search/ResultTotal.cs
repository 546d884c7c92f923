namespace ProductSearch.Search;

/// <summary>
/// Whether a result set's size is only a lower bound of what matches: a retriever's list was cut at the depth. BM25
/// (unless the mode is dense) is cut when it returned the full depth. HNSW (unless the mode is BM25) is cut when it
/// returned the full depth and, in the hybrid modes, its farthest candidate was still above the relevance floor: when
/// that one fell below the floor, every farther product would too, so nothing was cut that could have been counted.
/// </summary>
internal static class ResultTotal
{
    public static bool IsLowerBound(PreparedQuery query, RetrievalResult lexical, RetrievalResult dense, IReadOnlyList<long> belowFloor) =>
        IsLowerBound(query.Request.Mode, query.Depth, lexical.Candidates, dense.Candidates, belowFloor);

    /// <summary>As above, for candidate lists retrieved to <paramref name="depth"/> (a sharded search's, merged).</summary>
    public static bool IsLowerBound(SearchMode mode, int depth, IReadOnlyList<(long Key, float Score)> lexical, IReadOnlyList<(long Key, float Score)> dense,
        IReadOnlyList<long> belowFloor)
    {
        var lexicalCut = mode != SearchMode.Dense && lexical.Count >= depth;
        var denseFull = mode != SearchMode.Bm25 && dense.Count >= depth;
        return mode switch
        {
            SearchMode.Bm25 => lexicalCut,
            SearchMode.Dense => denseFull,
            _ => lexicalCut || (denseFull && !belowFloor.Contains(dense[^1].Key)),
        };
    }
}
