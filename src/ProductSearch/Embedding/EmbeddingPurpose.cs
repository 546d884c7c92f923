namespace ProductSearch.Embedding;

/// <summary>What a text is for, which decides the prompt a model puts before it.</summary>
public enum EmbeddingPurpose
{
    /// <summary>A catalog document (a product title).</summary>
    Document,
    /// <summary>A shopper's query.</summary>
    Query,
}
