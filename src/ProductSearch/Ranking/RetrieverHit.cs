namespace ProductSearch.Ranking;

/// <summary>One retriever's view of a product: its 1-based rank and the retriever's own score.</summary>
public readonly record struct RetrieverHit(int Rank, float Score);
