using ProductSearch.Ranking;

namespace ProductSearch.Tests.Ranking;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Scores_are_the_sum_of_reciprocal_ranks()
    {
        var fused = ReciprocalRankFusion.Fuse(
            lexical: [(10, 9f), (20, 8f), (30, 7f)],
            dense: [(20, 0.9f), (40, 0.8f)],
            rankConstant: 60);

        Assert.Equal(new long[] { 20, 10, 40, 30 }, fused.Select(f => f.Key));
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].FusedScore, 12);
        Assert.Equal(new RetrieverHit(2, 8f), fused[0].Lexical);
        Assert.Equal(new RetrieverHit(1, 0.9f), fused[0].Dense);
        Assert.Null(fused[2].Lexical);
        Assert.Null(fused[3].Dense);
    }

    [Fact]
    public void Ties_go_to_the_better_single_rank_then_the_key()
    {
        // 10 is #1 lexical; 40 is #1 dense: equal RRF scores, equal best ranks, so the key decides.
        var fused = ReciprocalRankFusion.Fuse([(10, 1f), (30, 0.5f)], [(40, 1f), (20, 0.5f)]);
        Assert.Equal(new long[] { 10, 40, 20, 30 }, fused.Select(f => f.Key));
    }

    [Fact]
    public void Weights_shift_the_balance()
    {
        var fused = ReciprocalRankFusion.Fuse([(1, 1f)], [(2, 1f)], lexicalWeight: 0.5, denseWeight: 2);
        Assert.Equal(2, fused[0].Key);
    }

    [Fact]
    public void Empty_lists_fuse_to_nothing() => Assert.Empty(ReciprocalRankFusion.Fuse([], []));
}
