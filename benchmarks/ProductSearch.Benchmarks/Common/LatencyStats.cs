namespace ProductSearch.Benchmarks.Common;

/// <summary>Percentiles of a set of latencies, nearest-rank (no interpolation, so p99 of 1,000 is the 990th value).</summary>
internal sealed record LatencyStats(int Count, double P50Ms, double P90Ms, double P99Ms, double QueriesPerSecond, int Threads)
{
    /// <summary>Summarises <paramref name="latenciesMs"/> measured over <paramref name="wall"/> by <paramref name="threads"/> threads.</summary>
    public static LatencyStats From(IReadOnlyCollection<double> latenciesMs, TimeSpan wall, int threads)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99),
            sorted.Length / wall.TotalSeconds, threads);
    }

    /// <summary>The nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
