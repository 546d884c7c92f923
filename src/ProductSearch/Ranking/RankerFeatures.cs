namespace ProductSearch.Ranking;

/// <summary>
/// The features the learned second stage reads for each (query, candidate) pair, by name and in vector order. Training
/// (<see cref="SearchEngine.RankerCandidates"/>) and search compute them with one class, so they cannot drift; a stored
/// ranker records <see cref="Version"/> and <see cref="Names"/>, and one made for other features is refused.
/// </summary>
public static class RankerFeatures
{
    /// <summary>
    /// Names this feature set. Change it whenever a feature is added, removed, reordered or computed differently:
    /// rankers trained on the old one are then refused (searches keep the fused order) until they are retrained.
    /// </summary>
    public const string Version = "ranker-features-v1";

    /// <summary>A retriever's rank for a candidate it did not return (beyond any candidate depth).</summary>
    public const float MissingRank = 10_001;

    /// <summary>The dense score of a candidate the dense retriever did not return (below any cosine similarity).</summary>
    public const float MissingScore = -1;

    /// <summary>
    /// The features, in vector order: <c>fused_rank</c> (1-based, after negation demotion) and <c>fused_score</c>;
    /// <c>lexical_rank</c> and <c>dense_rank</c> (<see cref="MissingRank"/> when that retriever did not return the
    /// candidate); <c>lexical_score</c> (combined-field BM25 of the query, computed for every candidate, 0 when no word
    /// matches); <c>dense_score</c> (the similarity, <see cref="MissingScore"/> when missing); <c>title_exact_share</c>
    /// and <c>title_stemmed_share</c> (the share of the query's words in the title, as typed and as analysed);
    /// <c>brand_only_terms</c> (query words found in the brand but not the title); <c>negation_hit</c> (the title affirms
    /// what the query negates) and <c>query_negates</c>; <c>accessory_cues</c> (accessory words such as "case",
    /// "replacement" or "compatible" in the title but not the query); <c>query_terms_after_for</c> (the share of query
    /// words the title has only after "for", "compatible" or "fits"); <c>query_quantities</c>,
    /// <c>quantities_matched</c> and <c>quantities_conflicting</c> (numbers with units, normalised: 1/2 = 0.5,
    /// inch = in = ", 6 pack = pack of 6); <c>title_words</c> and <c>query_terms</c>.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "fused_rank", "fused_score", "lexical_rank", "lexical_score", "dense_rank", "dense_score",
        "title_exact_share", "title_stemmed_share", "brand_only_terms", "negation_hit", "query_negates", "accessory_cues",
        "query_terms_after_for", "query_quantities", "quantities_matched", "quantities_conflicting", "title_words", "query_terms",
    ];
}
