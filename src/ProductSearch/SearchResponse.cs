namespace ProductSearch;

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
/// <param name="Hits">Results, best first (the page from <see cref="SearchRequest.Offset"/>).</param>
/// <param name="Mode">The mode used.</param>
/// <param name="Elapsed">Time spent in the engine, query embedding included.</param>
/// <param name="EmbeddingTime">Time the model spent embedding the query (zero in BM25 mode or when the embedding was cached).</param>
/// <param name="FilterMatches">How many products pass the request's filters; <c>null</c> without filters.</param>
public sealed record SearchResponse(IReadOnlyList<SearchHit> Hits, SearchMode Mode, TimeSpan Elapsed, TimeSpan EmbeddingTime, int? FilterMatches = null)
{
    /// <summary>
    /// Whether the answer came from the engine's cache of recent answers on the same commit
    /// (<see cref="SearchEngineOptions.ResultCacheSize"/>); <see cref="Elapsed"/> is then the lookup's time.
    /// </summary>
    public bool FromCache { get; init; }

    /// <summary>
    /// The query with the words the catalog does not know replaced by the closest ones it does ("did you mean");
    /// <c>null</c> when every word is known or has no close match.
    /// </summary>
    public string? DidYouMean { get; init; }

    /// <summary>
    /// How many dense candidates the relevance floor removed (<see cref="Ranking.RankingProfile.MinDenseSimilarity"/>):
    /// nearest in meaning, but not near enough, and not found by BM25 either.
    /// </summary>
    public int BelowFloor { get; init; }

    /// <summary>With <see cref="SearchRequest.Explain"/>: the catalog ids of the candidates the floor removed, nearest first.</summary>
    public IReadOnlyList<string> BelowFloorIds { get; init; } = [];

    /// <summary>
    /// Distinct query terms BM25 left out: a text of more than <see cref="Lexical.LexicalQueryBuilder.MaxTerms"/> distinct
    /// terms (a pasted paragraph) is searched by its rarest ones, which say the most about what is wanted. The dense side
    /// still embeds the whole text (up to the model's length).
    /// </summary>
    public int QueryTermsDropped { get; init; }

    /// <summary>
    /// With <see cref="SearchRequest.Explain"/>: the catalog ids of the BM25 candidates the lexical relevance floor
    /// removed (<see cref="Ranking.RankingProfile.MinimumMatchShare"/>) — among the best BM25 matches, but matching too
    /// few of the query's words — best first. Found by searching once more without the floor, so only when explaining;
    /// empty otherwise, or when the floor is off or removed nothing.
    /// </summary>
    public IReadOnlyList<string> LexicalBelowFloorIds { get; init; } = [];

    /// <summary>The index's merchandising rules that matched the query (and so were applied), in file order; empty when none did.</summary>
    public IReadOnlyList<Merchandising.RuleReference> MatchedRules { get; init; } = [];

    /// <summary>
    /// With <see cref="SearchRequest.Explain"/>: the candidates the matching rules hid, each with the rule that hid it;
    /// empty otherwise.
    /// </summary>
    public IReadOnlyList<Merchandising.RuleProduct> Hidden { get; init; } = [];

    /// <summary>
    /// How many products the result set holds — the set the response pages through and facets count: the fused
    /// candidates above the relevance floor at the search's depth. Exact unless <see cref="TotalHitsIsLowerBound"/>.
    /// </summary>
    public int TotalHits { get; init; }

    /// <summary>
    /// Whether more products may match than <see cref="TotalHits"/>: a retriever's list was cut at the depth (BM25
    /// returned the full depth, or HNSW did and its farthest candidate was still above the relevance floor).
    /// </summary>
    public bool TotalHitsIsLowerBound { get; init; }

    /// <summary>The counts <see cref="SearchRequest.Facets"/> asked for, by field: values by count (then value), or ranges in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>Time per stage of the query path.</summary>
    public SearchTimings Timings { get; init; } = SearchTimings.None;
}
