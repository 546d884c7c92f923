namespace ProductSearch.Ranking;

/// <summary>A product after fusion: its key, the fused score, and each retriever's hit (null where it did not find it).</summary>
public sealed record FusedCandidate(long Key, double FusedScore, RetrieverHit? Lexical, RetrieverHit? Dense);
