namespace ProductSearch;

/// <summary>
/// Each retriever's candidates for one request, best first, before fusion (see <see cref="SearchEngine.Retrieve"/>),
/// and which of them the ranking demotes for affirming what the query negates. <see cref="Ranking.RankingProfile.Rank"/>
/// turns them into the ranking a hybrid search returns.
/// </summary>
/// <param name="Lexical">BM25 candidates: product key and BM25 score (empty in dense mode).</param>
/// <param name="Dense">HNSW candidates: product key and similarity (empty in BM25 mode).</param>
public sealed record CandidateLists(IReadOnlyList<(long Key, float Score)> Lexical, IReadOnlyList<(long Key, float Score)> Dense)
{
    /// <summary>The model's own relevance floor for dense candidates (<see cref="Embedding.BuiltInModels.Definition.RelevanceFloor"/>; 0: none).</summary>
    public double ModelFloor { get; init; }

    /// <summary>The candidates whose title affirms a word the query negates (empty when it negates nothing).</summary>
    public IReadOnlySet<long> AffirmNegated { get; init; } = new HashSet<long>();
}
