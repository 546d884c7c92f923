namespace ProductSearch;

/// <summary>Each retriever's candidates for one request, best first, before fusion (see <see cref="SearchEngine.Retrieve"/>).</summary>
/// <param name="Lexical">BM25 candidates: product key and BM25 score (empty in dense mode).</param>
/// <param name="Dense">HNSW candidates: product key and similarity (empty in BM25 mode).</param>
public sealed record CandidateLists(IReadOnlyList<(long Key, float Score)> Lexical, IReadOnlyList<(long Key, float Score)> Dense);
