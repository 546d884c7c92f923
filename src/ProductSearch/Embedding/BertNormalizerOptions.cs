namespace ProductSearch.Embedding;

/// <summary>
/// The switches of Hugging Face's <c>BertNormalizer</c>, as a <c>tokenizer.json</c> or a
/// <c>tokenizer_config.json</c> names them.
/// </summary>
public sealed record BertNormalizerOptions
{
    /// <summary>Remove control characters and map every whitespace character to a space.</summary>
    public bool CleanText { get; init; } = true;

    /// <summary>Put spaces around CJK ideographs so that each becomes a word of its own.</summary>
    public bool HandleChineseChars { get; init; } = true;

    /// <summary>
    /// Remove accents (NFD, then drop non-spacing marks). <c>null</c> means "follow <see cref="Lowercase"/>",
    /// as Hugging Face does.
    /// </summary>
    public bool? StripAccents { get; init; }

    /// <summary>Lowercase the text, one character at a time (never context-sensitive).</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Whether accents are stripped once <see cref="StripAccents"/>' null is resolved.</summary>
    public bool EffectiveStripAccents => StripAccents ?? Lowercase;
}
