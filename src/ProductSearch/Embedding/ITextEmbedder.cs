namespace ProductSearch.Embedding;

/// <summary>Turns texts into vectors; the seam between the engine and a model runtime.</summary>
public interface ITextEmbedder : IDisposable
{
    /// <summary>The model's name (built-in name or folder name).</summary>
    string ModelName { get; }

    /// <summary>SHA-256 of the model's weights file, lowercase hex.</summary>
    string ModelSha256 { get; }

    /// <summary>Width of the vectors.</summary>
    int Dimensions { get; }

    /// <summary>The device the model runs on (<c>cpu</c> or <c>cuda:N</c>).</summary>
    string ActiveDevice { get; }

    /// <summary>How the model's vectors are compared; an index built with it uses the matching HNSW distance.</summary>
    SimilarityFunction Similarity => SimilarityFunction.Cosine;

    /// <summary>Embeds texts; the result has one vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default);
}
