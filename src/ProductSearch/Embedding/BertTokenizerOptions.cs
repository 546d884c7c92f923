namespace ProductSearch.Embedding;

/// <summary>Settings of a BERT WordPiece tokenizer, as read from a model folder.</summary>
public sealed record BertTokenizerOptions
{
    /// <summary>Normalizer switches.</summary>
    public BertNormalizerOptions Normalizer { get; init; } = new();

    /// <summary>Words longer than this many characters (after normalization) become the unknown token.</summary>
    public int MaxInputCharsPerWord { get; init; } = 100;

    /// <summary>The unknown token.</summary>
    public string UnknownToken { get; init; } = "[UNK]";

    /// <summary>The token that opens every sequence.</summary>
    public string ClassifierToken { get; init; } = "[CLS]";

    /// <summary>The token that closes every sequence.</summary>
    public string SeparatorToken { get; init; } = "[SEP]";

    /// <summary>The padding token.</summary>
    public string PaddingToken { get; init; } = "[PAD]";

    /// <summary>
    /// Tokens matched verbatim in the raw text before normalization (Hugging Face's "added tokens").
    /// When <c>null</c>, the five BERT specials are used where the vocabulary has them.
    /// </summary>
    public IReadOnlyList<string>? SpecialTokens { get; init; }
}
