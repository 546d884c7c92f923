namespace ProductSearch.Vector;

/// <summary>Distance function used by a vector index. Smaller distances always mean "more similar".</summary>
public enum VectorMetric
{
    /// <summary>Cosine distance, reported as <c>1 - cos(a, b)</c> (0 = same direction, 2 = opposite).</summary>
    Cosine,

    /// <summary>Inner-product distance, reported as <c>1 - dot(a, b)</c>; meant for vectors that are already normalized.</summary>
    InnerProduct,

    /// <summary>Squared Euclidean distance, <c>sum((a - b)^2)</c> (no square root is taken).</summary>
    L2Squared,
}
