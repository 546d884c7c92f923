namespace ProductSearch.Evaluation;

/// <summary>
/// A paired randomisation (sign-flip) test of whether two systems differ on the same queries. Under the null
/// hypothesis each query's difference is as likely to have either sign, so the observed mean difference is
/// compared with the means of the differences under random sign flips. Two-sided; the observed assignment is
/// counted among the draws, so the p-value is never 0.
/// </summary>
public static class PairedRandomizationTest
{
    /// <summary>The p-value of the mean of <paramref name="differences"/> (system A − system B, one per query).</summary>
    /// <exception cref="ArgumentException">No differences.</exception>
    public static double PValue(IReadOnlyList<double> differences, int draws, int seed)
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(draws);
        if (differences.Count == 0) throw new ArgumentException("No paired differences to test.", nameof(differences));

        var observed = Math.Abs(differences.Sum());
        // Sums of the same magnitudes in another order can differ in the last bits; such a draw ties the observed.
        var tolerance = 1e-9 * Math.Max(1.0, observed);
        var random = new Random(seed);
        var atLeastAsExtreme = 1;
        for (var draw = 0; draw < draws; draw++)
        {
            var sum = 0.0;
            for (var i = 0; i < differences.Count; i++) sum += random.Next(2) == 0 ? differences[i] : -differences[i];
            if (Math.Abs(sum) >= observed - tolerance) atLeastAsExtreme++;
        }
        return atLeastAsExtreme / (double)(draws + 1);
    }
}
