namespace ProductSearch.Ranking;

/// <summary>A product after fusion: its key, the fused score, and each retriever's hit (null where it did not find it).</summary>
/// <param name="Key">Product key.</param>
/// <param name="FusedScore">The fused score; higher is better.</param>
/// <param name="Lexical">BM25 rank and score.</param>
/// <param name="Dense">Dense rank and cosine similarity.</param>
/// <param name="LexicalPart">What the lexical side added to <paramref name="FusedScore"/>.</param>
/// <param name="DensePart">What the dense side added to <paramref name="FusedScore"/>.</param>
public sealed record FusedCandidate(long Key, double FusedScore, RetrieverHit? Lexical, RetrieverHit? Dense, double LexicalPart = 0, double DensePart = 0)
{
    /// <summary>
    /// The factor the fused score was multiplied by because the product's title affirms what the query negates
    /// (<see cref="RankingProfile.NegationDemotion"/>); 1 when it was not demoted.
    /// </summary>
    public double Demotion { get; init; } = 1;

    /// <summary>
    /// The learned second stage's final score (its model's score normalised within the query, negation demotion applied;
    /// see <see cref="LearnedOrder"/>) when it reordered this candidate; <c>null</c> otherwise.
    /// </summary>
    public double? RankerScore { get; init; }
}
