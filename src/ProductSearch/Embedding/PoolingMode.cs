namespace ProductSearch.Embedding;

/// <summary>How token vectors become one sentence vector (sentence-transformers' <c>Pooling</c> module).</summary>
public enum PoolingMode
{
    /// <summary>Attention-masked mean of the token vectors.</summary>
    Mean,
    /// <summary>The first token's vector (<c>[CLS]</c>).</summary>
    Cls,
    /// <summary>Element-wise maximum over the unmasked tokens.</summary>
    Max,
    /// <summary>Sum of the token vectors divided by the square root of the token count.</summary>
    MeanSqrtLength,
    /// <summary>Mean weighted by position (token i has weight i + 1).</summary>
    WeightedMean,
    /// <summary>The last unmasked token's vector.</summary>
    LastToken,
}
