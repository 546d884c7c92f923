using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// Answers with the synthetic vectors an index was built with, but first runs the real model on every query, so an
/// end-to-end latency over a synthetic index still pays what a real query costs (tokenising and a model run on the
/// shopper's text); the model's output is thrown away. Documents are never sent to the model.
/// </summary>
internal sealed class ModelPacedEmbedder(SyntheticEmbedder vectors, ITextEmbedder model) : ITextEmbedder
{
    public string ModelName => vectors.ModelName;

    public string ModelSha256 => vectors.ModelSha256;

    public int Dimensions => vectors.Dimensions;

    public string ActiveDevice => model.ActiveDevice;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        if (purpose == EmbeddingPurpose.Query) model.Embed(texts, purpose, cancellationToken);
        return vectors.Embed(texts, purpose, cancellationToken);
    }

    public void Dispose() => model.Dispose();
}
