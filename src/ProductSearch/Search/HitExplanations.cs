using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// Why a hit ranks where it does, as one index and a sharded coordinator both say it (<see cref="SearchRequest.Explain"/>):
/// the score of a single retriever, or the fusion with this hit's numbers in it.
/// </summary>
internal static class HitExplanations
{
    /// <summary>A product a merchandising rule pinned without it being a candidate: it has no scores to explain.</summary>
    public static SearchExplanation ShownByRule { get; } = new(null, 0, 0, "not among the candidates: shown by a merchandising rule", null);

    /// <summary>The explanation of <paramref name="candidate"/>'s place, with Lucene's own explanation of its BM25 score when given.</summary>
    public static SearchExplanation Of(SearchRequest request, RankingProfile profile, FusedCandidate candidate, string? lucene) =>
        request.Mode.IsHybrid()
            ? new SearchExplanation(profile.Method, candidate.LexicalPart, candidate.DensePart, profile.DescribeFusion(candidate), lucene)
            : new SearchExplanation(null, candidate.LexicalPart, candidate.DensePart, request.Mode == SearchMode.Bm25 ? "BM25 score" : "cosine similarity", lucene);
}
