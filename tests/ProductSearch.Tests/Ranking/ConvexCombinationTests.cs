using ProductSearch.Ranking;

namespace ProductSearch.Tests.Ranking;

public sealed class ConvexCombinationTests
{
    private static readonly (long, float)[] Lexical = [(1, 10f), (2, 6f), (3, 2f)];
    private static readonly (long, float)[] Dense = [(3, 0.9f), (4, 0.7f), (1, 0.5f)];

    [Fact]
    public void Min_max_then_alpha_weighting_by_hand()
    {
        var fused = ConvexCombination.Fuse(Lexical, Dense, alpha: 0.5, ScoreNormalizer.MinMax);
        // lexical norm: 1 → 1, 2 → 0.5, 3 → 0; dense norm: 3 → 1, 4 → 0.5, 1 → 0; missing → list minimum (0).
        var scores = fused.ToDictionary(f => f.Key, f => f.FusedScore);
        Assert.Equal(0.5, scores[1], 12);
        Assert.Equal(0.25, scores[2], 12);
        Assert.Equal(0.5, scores[3], 12);
        Assert.Equal(0.25, scores[4], 12);
        // Ties: 1 and 3 both have a #1 somewhere, so the key decides; then 2 and 4 (best ranks 2 and 2).
        Assert.Equal(new long[] { 1, 3, 2, 4 }, fused.Select(f => f.Key));
        Assert.Equal(0.5, fused[0].LexicalPart, 12);
        Assert.Equal(0, fused[0].DensePart, 12);
    }

    [Theory]
    [InlineData(0.0, 1L)]
    [InlineData(1.0, 3L)]
    public void Alpha_zero_is_lexical_only_and_one_is_dense_only(double alpha, long first) =>
        Assert.Equal(first, ConvexCombination.Fuse(Lexical, Dense, alpha, ScoreNormalizer.MinMax)[0].Key);

    [Fact]
    public void Z_scores_have_mean_zero_and_unit_deviation()
    {
        var z = ConvexCombination.Normalize(Lexical, ScoreNormalizer.ZScore);
        Assert.Equal(0, z.Average(), 12);
        Assert.Equal(1, Math.Sqrt(z.Sum(v => v * v) / z.Length), 12);
    }

    [Fact]
    public void Dbsf_maps_mean_plus_minus_three_sigma_to_zero_one()
    {
        var d = ConvexCombination.Normalize(Lexical, ScoreNormalizer.Dbsf);
        // mean 6, σ = sqrt(32/3) ≈ 3.266: 10 → (10 − (6 − 9.798)) / 19.596 ≈ 0.7041
        Assert.Equal((10 - (6 - 3 * Math.Sqrt(32.0 / 3))) / (6 * Math.Sqrt(32.0 / 3)), d[0], 12);
        Assert.All(d, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Equal_scores_normalise_without_dividing_by_zero()
    {
        (long, float)[] flat = [(1, 3f), (2, 3f)];
        Assert.All(ConvexCombination.Normalize(flat, ScoreNormalizer.MinMax), v => Assert.Equal(1, v));
        Assert.All(ConvexCombination.Normalize(flat, ScoreNormalizer.ZScore), v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Alpha_outside_zero_one_is_refused(double alpha) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvexCombination.Fuse(Lexical, Dense, alpha, ScoreNormalizer.MinMax));
}
