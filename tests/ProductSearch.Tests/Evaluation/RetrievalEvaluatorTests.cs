using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The evaluator over fixed rankings: per-query values, means, exclusions, index coverage, tests, curves.</summary>
public sealed class RetrievalEvaluatorTests
{
    private static readonly QueryJudgments Shoes = new("q1", "white shoes", new Dictionary<string, EsciLabel>
    {
        ["e1"] = EsciLabel.Exact, ["e2"] = EsciLabel.Exact, ["s1"] = EsciLabel.Substitute, ["gone"] = EsciLabel.Exact,
    });

    private static readonly QueryJudgments Hat = new("q2", "red hat", new Dictionary<string, EsciLabel>
    {
        ["s2"] = EsciLabel.Substitute, ["i2"] = EsciLabel.Irrelevant,
    });

    // BM25 finds one Exact product of q1 at rank 2; hybrid finds both at ranks 1 and 2. Neither can find "gone".
    private static readonly Dictionary<(string, SearchMode), string[]> Rankings = new()
    {
        [("white shoes", SearchMode.Bm25)] = ["s1", "e1", "x"],
        [("white shoes", SearchMode.Hybrid)] = ["e1", "e2", "s1"],
        [("red hat", SearchMode.Bm25)] = ["s2", "i2"],
        [("red hat", SearchMode.Hybrid)] = ["i2", "s2"],
    };

    private static Task<IReadOnlyList<string>> Search(string query, SearchMode mode, int depth, CancellationToken _) =>
        Task.FromResult<IReadOnlyList<string>>(Rankings[(query, mode)].Take(depth).ToArray());

    private static Task<RetrievalEvaluation> Evaluate() =>
        new RetrievalEvaluator(new RetrievalEvaluationOptions { Modes = [SearchMode.Bm25, SearchMode.Hybrid], K = 10, BootstrapResamples = 500, RandomizationDraws = 500 })
            .EvaluateAsync([Shoes, Hat], Search, new HashSet<string> { "e1", "e2", "s1", "s2", "i2", "x" });

    [Fact]
    public async Task Queries_without_exact_products_are_left_out_of_recall_only()
    {
        var result = await Evaluate();
        Assert.Equal(1, result.QueriesWithoutExact);
        var bm25 = result.Modes[0].Metrics;
        Assert.Equal(1, bm25["recall@10"].Queries);
        Assert.Equal(1 / 3.0, bm25["recall@10"].Mean, 12); // e1 of e1, e2, gone
        Assert.Equal(2, bm25["mrr@10"].Queries);
        Assert.Equal((0.5 + 0) / 2, bm25["mrr@10"].Mean, 12); // q2 has no Exact product: 0
        Assert.Null(result.Queries[1].Values[SearchMode.Bm25]["recall@10"]);
    }

    [Fact]
    public async Task Ndcg_means_and_paired_differences_follow_the_per_query_values()
    {
        var result = await Evaluate();
        // q1 ideal: 1, 1, 1, 0.1 (gone counts in the ideal). q2 ideal: 0.1.
        var idealShoes = 1 + 1 / Math.Log2(3) + 1 / Math.Log2(4) + 0.1 / Math.Log2(5);
        var bm25Shoes = (0.1 + 1 / Math.Log2(3)) / idealShoes;
        var hybridShoes = (1 + 1 / Math.Log2(3) + 0.1 / Math.Log2(4)) / idealShoes;
        var (bm25Hat, hybridHat) = (1.0, 0.1 / Math.Log2(3) / 0.1);
        Assert.Equal(bm25Shoes, result.Queries[0].Values[SearchMode.Bm25]["ndcg@10"]!.Value, 12);
        Assert.Equal((bm25Shoes + bm25Hat) / 2, result.Modes[0].Metrics["ndcg@10"].Mean, 12);
        Assert.Equal((hybridShoes + hybridHat) / 2, result.Modes[1].Metrics["ndcg@10"].Mean, 12);

        var test = Assert.Single(result.Comparisons, c => c.Metric == "ndcg@10");
        Assert.Equal((SearchMode.Hybrid, SearchMode.Bm25), (test.Mode, test.Baseline));
        Assert.Equal(((hybridShoes - bm25Shoes) + (hybridHat - bm25Hat)) / 2, test.MeanDifference, 12);
        Assert.Equal(2, test.Queries);
        Assert.Equal(5, result.Comparisons.Count); // one pair, five metrics
        Assert.All(result.Modes.SelectMany(m => m.Metrics.Values), e => Assert.InRange(e.Mean, e.Low, e.High));
    }

    [Fact]
    public async Task Judged_products_missing_from_the_index_are_counted()
    {
        var result = await Evaluate();
        Assert.Equal(6, result.JudgedProducts);
        Assert.Equal(1, result.JudgedProductsNotInIndex);
        Assert.Equal(1, result.QueriesWithProductsNotInIndex);
        Assert.Equal([1, 0], result.Queries.Select(q => q.ProductsNotInIndex!.Value));
    }

    [Fact]
    public async Task The_recall_curve_averages_over_queries_with_exact_products()
    {
        var result = await Evaluate();
        var hybrid = result.Modes[1].RecallCurve;
        Assert.Equal(100, hybrid.Count);
        // Only q1 has Exact products (three, one of them not in the index): e1 at rank 1, e2 at rank 2.
        Assert.Equal(1 / 3.0, hybrid[0], 12);
        Assert.Equal(2 / 3.0, hybrid[1], 12);
        Assert.Equal(2 / 3.0, hybrid[^1], 12);
        Assert.Equal(1 / 3.0, result.Modes[0].RecallCurve[1], 12);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrievalEvaluator(new RetrievalEvaluationOptions { K = 0 }));
        Assert.Throws<ArgumentException>(() => new RetrievalEvaluator(new RetrievalEvaluationOptions { Modes = [] }));
        Assert.Throws<ArgumentException>(() => new RetrievalEvaluator(new RetrievalEvaluationOptions { Modes = [SearchMode.Bm25, SearchMode.Bm25] }));
        Assert.Equal(["ndcg@20", "recall@20", "recall@50", "recall@100", "mrr@20"], RetrievalMetric.Standard(20).Select(m => m.Name));
        Assert.Equal(250, new RetrievalEvaluationOptions { K = 250 }.Depth);
    }
}
