using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>
/// sentence-transformers' TripletEvaluator rules on vectors made by hand so that cosine, dot, Manhattan and
/// Euclidean disagree: similarities must be strictly greater, distances strictly smaller, and dot uses the raw
/// (unnormalised) vectors.
/// </summary>
public sealed class TripletAccuracyTests
{
    // Each case: anchor, positive, negative, and which measures put the positive first (cos, dot, euclidean, manhattan).
    private static readonly (float[] Q, float[] P, float[] N)[] Cases =
    [
        // A: the negative has the larger norm: its dot wins though its angle is worse. cos ✓ dot ✗ euc ✓ man ✓
        ([1, 0], [1, 0], [3, 1]),
        ([1, 0], [1, 0], [3, 1]),
        // B: the positive points the right way but lies far out. cos ✓ dot ✓ euc ✗ man ✗
        ([1, 0], [10, 1], [0.5f, 0.5f]),
        // C: offsets (1.5, 0) and (1, 1): L1 1.5 < 2 but L2 1.5 > 1.41; the negative is parallel. man ✓ only
        ([1, 1], [2.5f, 1], [2, 2]),
        ([1, 1], [2.5f, 1], [2, 2]),
        // D: positive and negative equal: a tie is a miss for every measure.
        ([1, 2], [3, 4], [3, 4]),
        // E: every measure agrees. cos ✓ dot ✓ euc ✓ man ✓
        ([1, 0], [1, 0.1f], [0, 1]),
    ];

    [Fact]
    public void Each_measure_counts_its_own_wins_strictly()
    {
        var result = TripletAccuracy.Compute(Cases.Select(c => c.Q).ToArray(), Cases.Select(c => c.P).ToArray(), Cases.Select(c => c.N).ToArray());
        Assert.Equal(7, result.Count);
        Assert.Equal(4 / 7.0, result.Cosine, 12);    // A, A, B, E
        Assert.Equal(2 / 7.0, result.Dot, 12);       // B, E
        Assert.Equal(3 / 7.0, result.Euclidean, 12); // A, A, E
        Assert.Equal(5 / 7.0, result.Manhattan, 12); // A, A, C, C, E
        Assert.Equal(5 / 7.0, result.Max, 12);
    }

    [Fact]
    public void A_zero_anchor_has_cosine_zero_with_both_and_so_misses()
    {
        var result = TripletAccuracy.Compute([[0, 0]], [[1, 0]], [[0, 1]]);
        Assert.Equal(0, result.Cosine);
        Assert.Equal(0, result.Dot); // 0 = 0: a tie
    }

    [Fact]
    public void Mismatched_or_empty_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TripletAccuracy.Compute([[1f]], [[1f]], []));
        Assert.Throws<ArgumentException>(() => TripletAccuracy.Compute([], [], []));
        Assert.Throws<ArgumentException>(() => TripletAccuracy.Compute([[1f, 0]], [[1f]], [[1f, 0]]));
    }
}
