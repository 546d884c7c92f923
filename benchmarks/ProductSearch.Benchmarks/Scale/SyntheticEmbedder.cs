using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// A stand-in for a sentence-embedding model where running the real one is not feasible (100k and 1M titles on two
/// cores would take hours): 384-d unit vectors that behave like text embeddings in the ways HNSW cares about, at
/// microseconds a text. Each word maps (by a stable hash) to a random point in a small latent space; a text is the
/// normalised sum of its words' points, lifted into 384 dimensions by one fixed random projection, plus a little
/// text-specific noise in all 384 dimensions. So texts that share words are near each other, queries land near the
/// titles they share words with, and the data has a low intrinsic dimension (about <see cref="LatentDimensions"/>)
/// with the fine-grained spread real embeddings have between near-duplicate titles. The scale harness checks it
/// against the real model at 10k products (HNSW recall per ef for both), so its results can be judged.
/// </summary>
internal sealed class SyntheticEmbedder : ITextEmbedder
{
    public const int LatentDimensions = 32;
    public const float NoiseLevel = 0.35f;
    private const int Width = 384;
    private const ulong Seed = 0x5EED_2026_1127UL;

    // Entries of variance 1/Width keep |P·z| ≈ |z| = 1, so NoiseLevel is the noise-to-signal ratio.
    private static readonly float[] Projection = Gaussians(Seed, Width * LatentDimensions, 1 / MathF.Sqrt(Width));
    private readonly ConcurrentDictionary<string, float[]> _words = new(StringComparer.Ordinal);

    public string ModelName => $"synthetic-{LatentDimensions}d";

    /// <summary>Identifies the generator and its settings, so an index built with one version is not searched with another.</summary>
    public string ModelSha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"synthetic-v1;latent={LatentDimensions};noise={NoiseLevel};seed={Seed}")));

    public int Dimensions => Width;

    public string ActiveDevice => "cpu";

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => vectors[i] = EmbedOne(texts[i]));
        return vectors;
    }

    /// <summary>The vector of one text; a pure function of the text.</summary>
    public float[] EmbedOne(string text)
    {
        Span<float> latent = stackalloc float[LatentDimensions];
        latent.Clear();
        var words = 0;
        foreach (var word in Words(text))
        {
            TensorPrimitives.Add(latent, _words.GetOrAdd(word, w => Gaussians(Hash(w), LatentDimensions, 1f)), latent);
            words++;
        }
        var vector = Gaussians(Hash(text) ^ 0x9E3779B97F4A7C15UL, Width, NoiseLevel / MathF.Sqrt(Width));
        if (words > 0)
        {
            var scale = 1 / TensorPrimitives.Norm(latent);
            for (var row = 0; row < Width; row++)
                vector[row] += scale * TensorPrimitives.Dot(Projection.AsSpan(row * LatentDimensions, LatentDimensions), latent);
        }
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    public void Dispose() { }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)
            .Split([' ', ',', '-', '.', '/', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries);

    // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    // SplitMix64 feeding Box–Muller: a cheap, seedable source of normal variates.
    private static float[] Gaussians(ulong seed, int count, float scale)
    {
        var values = new float[count];
        var state = seed;
        for (var i = 0; i < count; i += 2)
        {
            var u1 = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var u2 = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var radius = Math.Sqrt(-2 * Math.Log(1 - u1));
            values[i] = (float)(radius * Math.Cos(2 * Math.PI * u2)) * scale;
            if (i + 1 < count) values[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2)) * scale;
        }
        return values;
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
