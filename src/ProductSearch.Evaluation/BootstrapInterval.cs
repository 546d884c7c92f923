namespace ProductSearch.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals for a mean over queries: resample the queries with replacement,
/// take each resample's mean, and read the interval off the sorted means. A fixed seed makes a report reproducible.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The <paramref name="level"/> interval (0.95: the 2.5th to 97.5th percentile) of the mean of <paramref name="values"/>.</summary>
    /// <returns><c>null</c> when there are no values.</returns>
    public static (double Low, double High)? OfMean(IReadOnlyList<double> values, int resamples, int seed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must be between 0 and 1.");
        if (values.Count == 0) return null;

        var random = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++) sum += values[random.Next(values.Count)];
            means[b] = sum / values.Count;
        }
        Array.Sort(means);
        var tail = (1 - level) / 2;
        return (Percentile(means, tail), Percentile(means, 1 - tail));
    }

    /// <summary>Linear interpolation between the closest ranks, as numpy's default percentile.</summary>
    internal static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
