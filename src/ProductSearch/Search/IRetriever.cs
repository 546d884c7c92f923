namespace ProductSearch.Search;

/// <summary>
/// One way of finding candidates in one snapshot of an index: takes the prepared query (analysed text, filters built
/// once, embedding, depth) and returns scored candidates best first. The lexical and the dense retriever share this
/// shape, so the engine runs both the same way — and so can a coordinator that runs them on shards.
/// </summary>
internal interface IRetriever
{
    /// <summary>Candidates for <paramref name="query"/>, at most <see cref="PreparedQuery.Depth"/>, best first.</summary>
    RetrievalResult Retrieve(PreparedQuery query, CancellationToken cancellationToken);
}
