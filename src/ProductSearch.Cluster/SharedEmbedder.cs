using ProductSearch.Embedding;

namespace ProductSearch.Cluster;

/// <summary>
/// One model for all the shards a silo serves (an engine disposes its embedder; this one is the silo's to dispose):
/// loading a model per shard would multiply the silo's memory by its shard count.
/// </summary>
internal sealed class SharedEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    public string ModelName => inner.ModelName;

    public string ModelSha256 => inner.ModelSha256;

    public int Dimensions => inner.Dimensions;

    public string ActiveDevice => inner.ActiveDevice;

    public SimilarityFunction Similarity => inner.Similarity;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default) =>
        inner.Embed(texts, purpose, cancellationToken);

    public void Dispose() { } // the silo's model outlives every engine that borrows it
}
