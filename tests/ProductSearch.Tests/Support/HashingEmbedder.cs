using System.Security.Cryptography;
using System.Text;
using ProductSearch.Embedding;

namespace ProductSearch.Tests.Support;

/// <summary>
/// A fast, deterministic stand-in for a model: a text's vector is the normalised sum of fixed pseudo-random vectors
/// of its lowercased words (a random projection of its bag of words), so texts sharing words are close. It lets
/// tests build indexes of thousands of products in a second; ranking quality is measured with the real models.
/// </summary>
public sealed class HashingEmbedder(int dimensions = 64) : ITextEmbedder
{
    public string ModelName => "hashing-test";

    public string ModelSha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("hashing-test-" + dimensions)));

    public int Dimensions => dimensions;

    public string ActiveDevice => "cpu";

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default) =>
        texts.Select(Vector).ToArray();

    public float[] Vector(string text)
    {
        var sum = new double[dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var random = new Random(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(word)), 0));
            for (var d = 0; d < dimensions; d++) sum[d] += random.NextDouble() * 2 - 1;
        }
        var norm = Math.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => norm > 0 ? (float)(v / norm) : 0f).ToArray();
    }

    public void Dispose() { }
}
