using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The order a request's pages are cut from, the same whatever the page: the candidates ranked (fused, reordered by
/// the second stage, sorted when asked) at the profile's depth; when a page reaches past them, followed by those a
/// retrieval twice as deep adds, in that retrieval's order, then four times as deep, and so on. A deeper retrieval
/// can reorder what a shallower one found (convex fusion normalises over the whole list; RRF ranks shift), so
/// serving a deep page from it alone would repeat or skip products an earlier page showed; cut from this sequence,
/// pages at any offsets never do. A sort therefore orders each tier's products among themselves. One index and the
/// coordinator of a sharded one build it alike: each retrieves a tier its own way and adds it here.
/// </summary>
internal sealed class TierSequence(SearchRequest request, RankingProfile profile)
{
    private const int Deepest = SearchRequest.MaxOffset + SearchRequest.MaxK;
    private readonly List<FusedCandidate> _order = [];
    private readonly Dictionary<long, float[]> _features = [];
    private readonly HashSet<long> _seen = [];

    /// <summary>The depth of the first tier: the profile's.</summary>
    public int FirstDepth => Math.Max(1, profile.CandidateDepth);

    /// <summary>The depth of the tier after one of <paramref name="depth"/>.</summary>
    public static int NextDepth(int depth) => (int)Math.Min(2L * depth, Deepest);

    /// <summary>
    /// Adds a tier's ranked candidates (those not in an earlier tier, in the tier's order) and the second stage's
    /// features; whether the sequence is complete: it reaches the request's page, or the retrievers ran out (each
    /// returned fewer than <paramref name="depth"/> candidates), or the deepest tier was retrieved.
    /// </summary>
    public bool Add(IEnumerable<FusedCandidate> tier, IReadOnlyDictionary<long, float[]> features, int depth, int lexicalCount, int denseCount)
    {
        foreach (var candidate in tier.Where(c => _seen.Add(c.Key))) _order.Add(candidate);
        foreach (var (key, values) in features) _features.TryAdd(key, values);
        var exhausted = lexicalCount < depth && denseCount < depth;
        return _order.Count >= request.Offset + request.K || exhausted || depth >= Deepest;
    }

    /// <summary>The sequence so far, with the second stage's features of every product in it.</summary>
    public Reranked Ranked => new(_order, _features);

    /// <summary>The page of <paramref name="ranked"/> the request asks for.</summary>
    public static ArraySegment<FusedCandidate> Page(IReadOnlyList<FusedCandidate> ranked, SearchRequest request)
    {
        var all = ranked as FusedCandidate[] ?? ranked.ToArray();
        var start = Math.Min(request.Offset, all.Length);
        return new ArraySegment<FusedCandidate>(all, start, Math.Min(request.K, all.Length - start));
    }
}
