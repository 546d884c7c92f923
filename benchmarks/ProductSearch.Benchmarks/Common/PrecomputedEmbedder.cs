using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// An <see cref="ITextEmbedder"/> that answers from vectors computed earlier, so an index can be built and searched
/// with a model's embeddings without running the model (and a timing can leave the model's cost out). It claims the
/// identity (name, SHA-256, width) of the model that made the vectors, so the index records that model. A text it
/// was not given is an error, never a silent zero vector — unless a <paramref name="fallback"/> (the model itself) is
/// given: the engine may embed a text other than the query as typed (a spelling correction), which then costs a model
/// run, counted in <see cref="Misses"/> so a timing can say how many of its queries paid for one.
/// </summary>
internal sealed class PrecomputedEmbedder(string modelName, string modelSha256, int dimensions,
    IReadOnlyDictionary<string, float[]> documents, IReadOnlyDictionary<string, float[]> queries, ITextEmbedder? fallback = null) : ITextEmbedder
{
    private int _misses;

    /// <summary>Texts that were not precomputed and went to the fallback model.</summary>
    public int Misses => Volatile.Read(ref _misses);

    public string ModelName => modelName;

    public string ModelSha256 => modelSha256;

    public int Dimensions => dimensions;

    public string ActiveDevice => "precomputed";

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        var table = purpose == EmbeddingPurpose.Query ? queries : documents;
        return texts.Select(t => table.TryGetValue(t, out var v) ? v : Missing(t, purpose, cancellationToken)).ToArray();
    }

    private float[] Missing(string text, EmbeddingPurpose purpose, CancellationToken cancellationToken)
    {
        if (fallback is null) throw new KeyNotFoundException($"No precomputed {purpose} vector for '{text}'.");
        Interlocked.Increment(ref _misses);
        return fallback.Embed([text], purpose, cancellationToken)[0];
    }

    public void Dispose() { } // the fallback belongs to the caller
}
