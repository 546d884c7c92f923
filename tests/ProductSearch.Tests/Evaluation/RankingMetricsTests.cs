using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The per-query metrics against small cases computed by hand from their definitions.</summary>
public sealed class RankingMetricsTests
{
    // e1, e2 Exact; s Substitute; c Complement; i Irrelevant. "x" and "y" are not judged (gain 0).
    private static readonly QueryJudgments Judged = new("q1", "white shoes", new Dictionary<string, EsciLabel>
    {
        ["e1"] = EsciLabel.Exact, ["e2"] = EsciLabel.Exact, ["s"] = EsciLabel.Substitute,
        ["c"] = EsciLabel.Complement, ["i"] = EsciLabel.Irrelevant,
    });

    // Ideal order: 1, 1, 0.1, 0.01 (I has gain 0 and adds nothing).
    private static readonly double IdealDcg = 1 / Math.Log2(2) + 1 / Math.Log2(3) + 0.1 / Math.Log2(4) + 0.01 / Math.Log2(5);

    [Fact]
    public void Ndcg_uses_esci_gains_and_counts_unjudged_products_as_zero()
    {
        // s at 1, x (unjudged) at 2, e1 at 3, c at 4: 0.1/1 + 0 + 1/2 + 0.01/log2(5).
        var expected = (0.1 + 0.5 + 0.01 / Math.Log2(5)) / IdealDcg;
        Assert.Equal(expected, RankingMetrics.NdcgAt(10, ["s", "x", "e1", "c"], Judged), 12);
    }

    [Fact]
    public void Ndcg_does_not_care_which_of_two_equally_labelled_products_comes_first()
    {
        var first = RankingMetrics.NdcgAt(10, ["e1", "e2", "s", "c"], Judged);
        var swapped = RankingMetrics.NdcgAt(10, ["e2", "e1", "s", "c"], Judged);
        Assert.Equal(1.0, first, 12);
        Assert.Equal(first, swapped, 12);
    }

    [Fact]
    public void Ndcg_with_fewer_results_than_k_divides_by_the_full_ideal()
    {
        // Two results only; the ideal still has four positive gains within k = 10.
        Assert.Equal((1 + 0.1 / Math.Log2(3)) / IdealDcg, RankingMetrics.NdcgAt(10, ["e1", "s"], Judged), 12);
        Assert.Equal(0, RankingMetrics.NdcgAt(10, [], Judged));
    }

    [Fact]
    public void Ndcg_cuts_both_the_ranking_and_the_ideal_at_k()
    {
        // k = 2: e1 falls outside; the ideal is two Exact products.
        Assert.Equal(0, RankingMetrics.NdcgAt(2, ["x", "y", "e1"], Judged));
        Assert.Equal(0.1 / (1 + 1 / Math.Log2(3)), RankingMetrics.NdcgAt(2, ["s", "x"], Judged), 12);
    }

    [Fact]
    public void Ndcg_is_zero_when_nothing_judged_has_a_gain()
    {
        var onlyIrrelevant = new QueryJudgments("q2", "q", new Dictionary<string, EsciLabel> { ["i"] = EsciLabel.Irrelevant });
        Assert.Equal(0, RankingMetrics.NdcgAt(10, ["i", "x"], onlyIrrelevant));
    }

    [Fact]
    public void Recall_counts_exact_products_once_each_within_k()
    {
        Assert.Equal(0.5, RankingMetrics.RecallAt(10, ["s", "e1", "e1", "x"], Judged));
        Assert.Equal(1.0, RankingMetrics.RecallAt(3, ["e2", "s", "e1"], Judged));
        Assert.Equal(0.5, RankingMetrics.RecallAt(2, ["e2", "s", "e1"], Judged));
    }

    [Fact]
    public void Recall_is_undefined_for_a_query_without_exact_products()
    {
        var noExact = new QueryJudgments("q3", "q", new Dictionary<string, EsciLabel> { ["s"] = EsciLabel.Substitute, ["c"] = EsciLabel.Complement });
        Assert.Null(RankingMetrics.RecallAt(10, ["s", "c"], noExact));
    }

    [Fact]
    public void Reciprocal_rank_is_zero_when_no_exact_product_is_found_within_k()
    {
        Assert.Equal(0, RankingMetrics.ReciprocalRankAt(10, ["s", "c", "x", "i"], Judged)); // relevant-ish, but not Exact
        Assert.Equal(0, RankingMetrics.ReciprocalRankAt(10, [], Judged));
        Assert.Equal(0, RankingMetrics.ReciprocalRankAt(2, ["x", "s", "e1"], Judged));
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRankAt(10, ["x", "s", "e1", "e2"], Judged), 12);
    }
}
