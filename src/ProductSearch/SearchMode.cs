namespace ProductSearch;

/// <summary>Which retrievers answer a search.</summary>
public enum SearchMode
{
    /// <summary>BM25 and dense retrieval, fused.</summary>
    Hybrid,
    /// <summary>BM25 alone.</summary>
    Bm25,
    /// <summary>Dense (HNSW) retrieval alone.</summary>
    Dense,
}
