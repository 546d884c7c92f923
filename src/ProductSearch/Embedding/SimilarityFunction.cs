namespace ProductSearch.Embedding;

/// <summary>
/// The similarity a sentence-transformers model was trained to be compared by (<c>similarity_fn_name</c> in
/// <c>config_sentence_transformers.json</c>). The index serves the model's own: the HNSW graph is built with the
/// matching distance, so its ranking is the one the model was trained for.
/// </summary>
public enum SimilarityFunction
{
    /// <summary>Cosine similarity (sentence-transformers' default); served as inner product over unit vectors.</summary>
    Cosine,

    /// <summary>Dot product of the raw embeddings.</summary>
    Dot,

    /// <summary>Negative Euclidean distance.</summary>
    Euclidean,
}

/// <summary>Reads sentence-transformers' names of similarity functions.</summary>
public static class SimilarityFunctions
{
    /// <summary>
    /// The function named <paramref name="name"/> (<c>cosine</c>, <c>dot</c> or <c>dot_product</c>, <c>euclidean</c>);
    /// <c>null</c> for a name this engine cannot serve (sentence-transformers' <c>manhattan</c>, which no HNSW
    /// distance here ranks by).
    /// </summary>
    public static SimilarityFunction? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "cosine" => SimilarityFunction.Cosine,
        "dot" or "dot_product" => SimilarityFunction.Dot,
        "euclidean" => SimilarityFunction.Euclidean,
        _ => null,
    };

    /// <summary>The HNSW distance that ranks as <paramref name="function"/> does.</summary>
    public static Vector.VectorMetric ToMetric(this SimilarityFunction function) => function switch
    {
        SimilarityFunction.Dot => Vector.VectorMetric.InnerProduct,
        SimilarityFunction.Euclidean => Vector.VectorMetric.L2Squared,
        _ => Vector.VectorMetric.Cosine,
    };
}
