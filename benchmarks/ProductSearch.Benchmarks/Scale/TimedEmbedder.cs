using System.Diagnostics;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>Passes every call to a model and adds up the time it takes, so a commit's time can be given without the model's.</summary>
internal sealed class TimedEmbedder(ITextEmbedder model) : ITextEmbedder
{
    private long _ticks;

    /// <summary>Time spent in the model since the last <see cref="Reset"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Reset() => Interlocked.Exchange(ref _ticks, 0);

    public string ModelName => model.ModelName;

    public string ModelSha256 => model.ModelSha256;

    public int Dimensions => model.Dimensions;

    public string ActiveDevice => model.ActiveDevice;

    public SimilarityFunction Similarity => model.Similarity;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try { return model.Embed(texts, purpose, cancellationToken); }
        finally { Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks); }
    }

    public void Dispose() => model.Dispose();
}
