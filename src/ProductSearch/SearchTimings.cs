namespace ProductSearch;

/// <summary>Where a search spent its time, stage by stage (all zero for an answer from the result cache).</summary>
/// <param name="Prepare">Analysing the text, building the filters and embedding the query (<paramref name="Embedding"/> included).</param>
/// <param name="Embedding">The model alone embedding the query (zero when the query embedding was cached or not needed).</param>
/// <param name="Lexical">The BM25 retriever.</param>
/// <param name="Dense">The HNSW retriever (the graph search, not the model).</param>
/// <param name="Fusion">Fusing the candidate lists.</param>
/// <param name="Rerank">The second stage.</param>
/// <param name="Fetch">Reading the page's products from the product store.</param>
public sealed record SearchTimings(TimeSpan Prepare, TimeSpan Embedding, TimeSpan Lexical, TimeSpan Dense, TimeSpan Fusion, TimeSpan Rerank, TimeSpan Fetch)
{
    /// <summary>No time spent anywhere (an answer from the cache).</summary>
    public static SearchTimings None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
