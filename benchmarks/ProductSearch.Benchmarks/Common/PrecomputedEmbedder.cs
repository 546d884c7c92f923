using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// An <see cref="ITextEmbedder"/> that answers from vectors computed earlier, so an index can be built and searched
/// with a model's embeddings without running the model (and a timing can leave the model's cost out). It claims the
/// identity (name, SHA-256, width) of the model that made the vectors, so the index records that model. A text it
/// was not given is an error, never a silent zero vector.
/// </summary>
internal sealed class PrecomputedEmbedder(string modelName, string modelSha256, int dimensions,
    IReadOnlyDictionary<string, float[]> documents, IReadOnlyDictionary<string, float[]> queries) : ITextEmbedder
{
    public string ModelName => modelName;

    public string ModelSha256 => modelSha256;

    public int Dimensions => dimensions;

    public string ActiveDevice => "precomputed";

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        var table = purpose == EmbeddingPurpose.Query ? queries : documents;
        return texts.Select(t => table.TryGetValue(t, out var v) ? v
            : throw new KeyNotFoundException($"No precomputed {purpose} vector for '{t}'.")).ToArray();
    }

    public void Dispose() { }
}
