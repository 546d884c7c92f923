using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// Passes every call to a real model and keeps the document vectors it returns, in call order, so exact search has
/// the same vectors the HNSW graph was built from without embedding the catalog twice. A fresh index gives keys
/// 1, 2, 3, … in the order it embeds products, so row i of <see cref="Documents"/> is key i + 1.
/// </summary>
internal sealed class RecordingEmbedder(ITextEmbedder model) : ITextEmbedder
{
    private readonly List<float[]> _documents = [];

    public IReadOnlyList<float[]> Documents => _documents;

    public string ModelName => model.ModelName;

    public string ModelSha256 => model.ModelSha256;

    public int Dimensions => model.Dimensions;

    public string ActiveDevice => model.ActiveDevice;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        var vectors = model.Embed(texts, purpose, cancellationToken);
        if (purpose == EmbeddingPurpose.Document) _documents.AddRange(vectors);
        return vectors;
    }

    public void Dispose() => model.Dispose();
}
