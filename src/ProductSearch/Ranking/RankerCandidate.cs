namespace ProductSearch.Ranking;

/// <summary>One fused candidate with its second-stage features: a row of a ranker's training data (see <see cref="SearchEngine.RankerCandidates"/>).</summary>
/// <param name="Key">The product key.</param>
/// <param name="ProductId">The catalog id, to look up its judgment.</param>
/// <param name="AffirmsNegation">Whether its title affirms what the query negates (the second stage keeps demoting it).</param>
/// <param name="Features">Its features, in <see cref="RankerFeatures.Names"/> order.</param>
public sealed record RankerCandidate(long Key, string ProductId, bool AffirmsNegation, IReadOnlyList<float> Features);
