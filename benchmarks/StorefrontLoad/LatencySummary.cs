namespace StorefrontLoad;

/// <summary>Throughput and latency percentiles of a run (nearest-rank percentiles over every request).</summary>
internal sealed record LatencySummary(int Requests, int Errors, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double Throughput => Requests / Seconds;

    public static LatencySummary From(double[] latenciesMs, int errors, double seconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, errors, seconds, Percentile(0.50), Percentile(0.90), Percentile(0.99), sorted.LastOrDefault());
    }
}
