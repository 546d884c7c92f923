using ProductSearch.Embedding;

namespace ProductSearch.Evaluation;

/// <summary>
/// Embeds triplets with a model and scores them with <see cref="TripletAccuracy"/>. The anchor is embedded as a
/// query and the two titles as documents, so each gets the prompt the model's config gives that purpose (arctic-xs
/// puts "Represent this sentence for searching relevant passages: " before queries) — as the engine embeds them.
/// </summary>
/// <remarks>
/// sentence-transformers' TripletEvaluator does not do that: every version we read encodes anchors, positives and
/// negatives alike with a plain <c>model.encode(...)</c>, no <c>prompt_name</c>, so only the model's default prompt
/// (none for minilm and arctic-xs) is applied. To reproduce its numbers, build the embedder with both prompts set to
/// <see cref="PlainEncodePrompt"/>.
/// </remarks>
public sealed class TripletEvaluator
{
    private readonly ITextEmbedder _embedder;

    /// <summary>Creates an evaluator that embeds with <paramref name="embedder"/>.</summary>
    public TripletEvaluator(ITextEmbedder embedder) => _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));

    /// <summary>
    /// The prompt sentence-transformers' <c>model.encode</c> applies when no prompt is named: the model's default
    /// prompt, or none.
    /// </summary>
    public static string PlainEncodePrompt(SentenceTransformerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.DefaultPromptName is { } name && model.Prompts.TryGetValue(name, out var prompt) ? prompt : string.Empty;
    }

    /// <summary>Embeds and scores <paramref name="triplets"/>. CPU-bound: it runs on a pool thread.</summary>
    /// <exception cref="ArgumentException">No triplets.</exception>
    public Task<TripletAccuracies> EvaluateAsync(IReadOnlyList<Triplet> triplets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triplets);
        if (triplets.Count == 0) throw new ArgumentException("No triplets to evaluate.", nameof(triplets));
        return Task.Run(() => Evaluate(triplets, cancellationToken), cancellationToken);
    }

    private TripletAccuracies Evaluate(IReadOnlyList<Triplet> triplets, CancellationToken cancellationToken)
    {
        // Each query comes with up to 40 pairs and titles repeat across rows: embed every distinct text once.
        var queries = Embed(triplets.Select(t => t.Query), EmbeddingPurpose.Query, cancellationToken);
        var titles = Embed(triplets.SelectMany(t => new[] { t.Positive, t.Negative }), EmbeddingPurpose.Document, cancellationToken);
        return TripletAccuracy.Compute(
            triplets.Select(t => queries[t.Query]).ToArray(),
            triplets.Select(t => titles[t.Positive]).ToArray(),
            triplets.Select(t => titles[t.Negative]).ToArray());
    }

    private Dictionary<string, float[]> Embed(IEnumerable<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToArray();
        var vectors = _embedder.Embed(distinct, purpose, cancellationToken);
        var result = new Dictionary<string, float[]>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++) result[distinct[i]] = vectors[i];
        return result;
    }
}
