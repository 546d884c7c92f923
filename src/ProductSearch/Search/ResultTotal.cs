namespace ProductSearch.Search;

/// <summary>
/// Whether a result set's size is only a lower bound of what matches: a retriever's list was cut at the depth. BM25
/// (unless the mode is dense) is cut when it returned the full depth. HNSW (unless the mode is BM25) is cut when it
/// returned the full depth and, in the hybrid modes, its farthest candidate was still above the relevance floor: when
/// that one fell below the floor, every farther product would too, so nothing was cut that could have been counted.
/// </summary>
internal static class ResultTotal
{
    public static bool IsLowerBound(PreparedQuery query, RetrievalResult lexical, RetrievalResult dense, IReadOnlyList<long> belowFloor)
    {
        var mode = query.Request.Mode;
        var lexicalCut = mode != SearchMode.Dense && lexical.Candidates.Count >= query.Depth;
        var denseFull = mode != SearchMode.Bm25 && dense.Candidates.Count >= query.Depth;
        return mode switch
        {
            SearchMode.Bm25 => lexicalCut,
            SearchMode.Dense => denseFull,
            _ => lexicalCut || (denseFull && !belowFloor.Contains(dense.Candidates[^1].Key)),
        };
    }
}
