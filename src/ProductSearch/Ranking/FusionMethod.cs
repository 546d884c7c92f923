namespace ProductSearch.Ranking;

/// <summary>How the two candidate lists become one.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion: Σ wᵢ / (k + rankᵢ).</summary>
    Rrf,
    /// <summary>Convex combination of normalised scores: α·dense + (1 − α)·lexical.</summary>
    Convex,
}

/// <summary>How a retriever's raw scores are put on a common scale before a convex combination.</summary>
public enum ScoreNormalizer
{
    /// <summary>(s − min) / (max − min) over the candidate list.</summary>
    MinMax,
    /// <summary>(s − mean) / standard deviation over the candidate list.</summary>
    ZScore,
    /// <summary>Distribution-based score fusion: (s − (μ − 3σ)) / 6σ, clipped to [0, 1].</summary>
    Dbsf,
}
