namespace ProductSearch.Embedding;

/// <summary>
/// Everything needed to run a sentence-transformers model exported to ONNX, as read from its folder.
/// </summary>
public sealed record SentenceTransformerModel
{
    /// <summary>A short name for messages and manifests (built-in name or folder name).</summary>
    public required string Name { get; init; }

    /// <summary>The folder the model was read from.</summary>
    public required string Directory { get; init; }

    /// <summary>Path of the ONNX graph.</summary>
    public required string OnnxPath { get; init; }

    /// <summary>The tokenizer built from <c>tokenizer.json</c> or <c>vocab.txt</c>.</summary>
    public required BertTokenizer Tokenizer { get; init; }

    /// <summary>Most ids fed to the model, <c>[CLS]</c> and <c>[SEP]</c> included.</summary>
    public int MaxSequenceLength { get; init; } = 256;

    /// <summary>Pooling of token vectors.</summary>
    public PoolingMode Pooling { get; init; } = PoolingMode.Mean;

    /// <summary>Whether prompt tokens take part in pooling (sentence-transformers' <c>include_prompt</c>).</summary>
    public bool PoolingIncludesPrompt { get; init; } = true;

    /// <summary>Whether a <c>Normalize</c> module follows pooling (L2).</summary>
    public bool Normalize { get; init; }

    /// <summary>Prompts by name (<c>query</c>, <c>document</c>, …) from <c>config_sentence_transformers.json</c>.</summary>
    public IReadOnlyDictionary<string, string> Prompts { get; init; } = new Dictionary<string, string>();

    /// <summary>The prompt used when none is asked for.</summary>
    public string? DefaultPromptName { get; init; }

    /// <summary>The similarity the model was trained for; the index's HNSW distance follows it.</summary>
    public SimilarityFunction SimilarityFunction { get; init; } = SimilarityFunction.Cosine;

    /// <summary>Matryoshka truncation of the output vector, or <c>null</c> for the full width.</summary>
    public int? TruncateDimensions { get; init; }

    /// <summary>The prompt text put before a text of the given purpose ("" for none).</summary>
    public string PromptFor(EmbeddingPurpose purpose)
    {
        var name = purpose == EmbeddingPurpose.Query ? "query" : "document";
        if (Prompts.TryGetValue(name, out var prompt)) return prompt;
        if (purpose == EmbeddingPurpose.Query && Prompts.TryGetValue("search_query", out prompt)) return prompt;
        if (purpose == EmbeddingPurpose.Document && Prompts.TryGetValue("search_document", out prompt)) return prompt;
        if (DefaultPromptName is not null && Prompts.TryGetValue(DefaultPromptName, out prompt)) return prompt;
        return string.Empty;
    }
}
