namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// Draws index i of n with probability ∝ 1 / (i + 1)^s: a few brands, kinds and words are common and most are rare,
/// as in real catalogs, which is what makes BM25 postings and HNSW neighbourhoods uneven.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++) _cumulative[i] = sum += 1.0 / Math.Pow(i + 1, exponent);
    }

    public int Next(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
    }
}
