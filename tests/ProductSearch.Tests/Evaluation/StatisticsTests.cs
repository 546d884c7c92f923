using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The bootstrap interval and the sign-flip test on cases whose answers are known.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Percentiles_interpolate_between_ranks_like_numpy()
    {
        double[] sorted = [0, 1, 2, 3, 4];
        Assert.Equal(2, BootstrapInterval.Percentile(sorted, 0.5), 12);
        Assert.Equal(0.4, BootstrapInterval.Percentile(sorted, 0.1), 12);
        Assert.Equal(4, BootstrapInterval.Percentile(sorted, 1), 12);
    }

    [Fact]
    public void Bootstrap_of_a_constant_is_that_constant()
    {
        var (low, high) = BootstrapInterval.OfMean([0.7, 0.7, 0.7], 1000, seed: 1)!.Value;
        Assert.Equal(0.7, low, 12);
        Assert.Equal(0.7, high, 12);
        Assert.Null(BootstrapInterval.OfMean([], 1000, seed: 1));
    }

    [Fact]
    public void Bootstrap_of_a_coin_matches_the_normal_approximation_and_repeats_with_its_seed()
    {
        // 100 values, half 0 and half 1: mean 0.5, standard error 0.05, so roughly 0.5 ± 1.96 · 0.05.
        var values = Enumerable.Range(0, 100).Select(i => (double)(i % 2)).ToArray();
        var (low, high) = BootstrapInterval.OfMean(values, 10_000, seed: 42)!.Value;
        Assert.InRange(low, 0.39, 0.42);
        Assert.InRange(high, 0.58, 0.61);
        Assert.Equal((low, high), BootstrapInterval.OfMean(values, 10_000, seed: 42)!.Value);
    }

    [Fact]
    public void Sign_flip_p_value_matches_the_exact_enumeration()
    {
        // Differences 3, 1, 1: of the 8 sign patterns only +++ and −−− reach |sum| 5, so p = 2/8.
        Assert.InRange(PairedRandomizationTest.PValue([3, 1, 1], 20_000, seed: 7), 0.235, 0.265);
        // |sum| ≥ 1 for every pattern of ±1 ± 1 ± 1.
        Assert.Equal(1.0, PairedRandomizationTest.PValue([1, -1, 1], 1000, seed: 7));
    }

    [Fact]
    public void No_difference_gives_p_one_and_a_consistent_difference_a_tiny_p()
    {
        Assert.Equal(1.0, PairedRandomizationTest.PValue(new double[50], 1000, seed: 3));
        var consistent = Enumerable.Repeat(0.2, 30).ToArray(); // all 2^30 patterns but two are smaller
        Assert.True(PairedRandomizationTest.PValue(consistent, 10_000, seed: 3) < 0.001);
    }
}
