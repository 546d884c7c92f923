using ProductSearch.Ranking;

namespace ProductSearch.Tests.Ranking;

/// <summary>How model scores become the order: normalised per query, negation demotion kept, ties in fused order.</summary>
public sealed class LearnedOrderTests
{
    [Fact]
    public void Scores_are_normalised_and_a_candidate_affirming_the_negation_is_demoted()
    {
        var order = LearnedOrder.Rank([1f, 3f, 2f], [false, true, false], 0.6);

        Assert.Equal([(1, 0.6), (2, 0.5), (0, 0.0)], order);
        Assert.Equal([2, 1, 0], LearnedOrder.Rank([1f, 3f, 2f], [false, true, false], 0.4).Select(o => o.Index));
    }

    [Fact]
    public void Equal_scores_keep_the_fused_order()
    {
        Assert.Equal([(0, 1.0), (1, 1.0), (2, 1.0)], LearnedOrder.Rank([0.7f, 0.7f, 0.7f], [false, false, false], 0.6));
        Assert.Empty(LearnedOrder.Rank([], [], 0.6));
    }
}
