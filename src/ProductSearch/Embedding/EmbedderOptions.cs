namespace ProductSearch.Embedding;

/// <summary>Options of the ONNX embedder.</summary>
public sealed class EmbedderOptions
{
    /// <summary>The model: a built-in name (<c>minilm</c>, <c>arctic-xs</c>) or a sentence-transformers ONNX folder.</summary>
    public string Model { get; set; } = BuiltInModels.DefaultName;

    /// <summary>Where the model runs.</summary>
    public ComputeDevice Device { get; set; } = ComputeDevice.Auto;

    /// <summary>Texts per ONNX run when embedding many (texts are sorted by length and padded per batch).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// ONNX Runtime intra-op threads; 0 (the default here) lets ONNX Runtime choose (one per core), which suits batch
    /// embedding while indexing. A <see cref="SearchEngine"/> embeds queries with
    /// <see cref="SearchEngineOptions.IntraOpThreads"/> instead (default 1).
    /// </summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Overrides the model's query prompt (<c>null</c>: the model's own).</summary>
    public string? QueryPrompt { get; set; }

    /// <summary>Overrides the model's document prompt (<c>null</c>: the model's own).</summary>
    public string? DocumentPrompt { get; set; }

    /// <summary>Query embeddings kept for repeated queries (least recently used go first); 0 turns the cache off.</summary>
    public int QueryCacheSize { get; set; } = 1024;

    /// <summary>Where built-in models are unpacked; <c>null</c>: <c>PRODUCTSEARCH_MODEL_CACHE</c> or the user's local data folder.</summary>
    public string? ModelCacheDirectory { get; set; }
}
