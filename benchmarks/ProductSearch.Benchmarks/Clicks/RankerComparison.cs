using ProductSearch.Evaluation;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// Whether the learned second stage trained on click judgments recovers what it gets from the true judgments: k-fold
/// over queries, a LambdaMART model (one fixed setting, the middle of <see cref="LambdaMartSettings.DefaultGrid"/>;
/// <c>train-ranker</c> chooses among them by inner folds, too slow to nest here) trained on the other folds' truth or
/// clicks reorders each held-out query's fused candidates, scored with the true judgments.
/// </summary>
internal sealed class RankerComparison(SearchEngine engine)
{
    /// <summary>Mean held-out true nDCG@10: the fused order, re-ranked by models trained on truth, on clicks, and on clicks' judged candidates only.</summary>
    public sealed record Scores(double Fused, double Truth, double Clicks, double ClicksJudgedOnly, double[] PerQueryFused, double[] PerQueryTruth, double[] PerQueryClicks, double[] PerQueryClicksJudgedOnly);

    public Scores HeldOut(IReadOnlyList<QueryJudgments> truth, IReadOnlyList<QueryJudgments> clicks, int folds, int seed, CancellationToken cancellationToken)
    {
        var depth = engine.DefaultProfile.RerankDepth;
        var truthSet = RankerTrainingData.Collect(engine, truth, depth, null, cancellationToken);
        var clickSet = RankerTrainingData.Collect(engine, clicks, depth, null, cancellationToken);
        var clickByText = clickSet.Queries.ToDictionary(q => q.Judgments.Query.ToLowerInvariant(), StringComparer.Ordinal);
        var settings = LambdaMartSettings.DefaultGrid[LambdaMartSettings.DefaultGrid.Count / 2];
        var order = Enumerable.Range(0, truth.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[truth.Count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        var (fused, byTruth, byClicks, byJudged) = (new double[truth.Count], new double[truth.Count], new double[truth.Count], new double[truth.Count]);
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, truth.Count).Where(q => fold[q] != f).ToArray();
            var trainClicks = train.Select(q => clickByText.GetValueOrDefault(truth[q].Query.ToLowerInvariant())).OfType<RankerTrainingQuery>().ToArray();
            // Clicks judge only what was shown: the other candidates are unknown, not irrelevant, so one variant leaves them out.
            var trainJudged = trainClicks.Select(q => q with { Candidates = q.Candidates.Where(c => q.Judgments.Labels.ContainsKey(c.ProductId)).ToArray() }).ToArray();
            using var truthModel = RankerModel.Load(LambdaMart.Train(train.Select(q => truthSet.Queries[q]), settings, seed), RankerFeatures.Names.Count);
            using var clickModel = RankerModel.Load(LambdaMart.Train(trainClicks, settings, seed), RankerFeatures.Names.Count);
            using var judgedModel = RankerModel.Load(LambdaMart.Train(trainJudged, settings, seed), RankerFeatures.Names.Count);
            foreach (var q in Enumerable.Range(0, truth.Count).Where(q => fold[q] == f))
            {
                var held = truthSet.Queries[q];
                fused[q] = RankingMetrics.NdcgAt(10, held.FusedOrder, held.Judgments);
                byTruth[q] = Score(truthModel, held, truthSet.NegationDemotion);
                byClicks[q] = Score(clickModel, held, truthSet.NegationDemotion);
                byJudged[q] = Score(judgedModel, held, truthSet.NegationDemotion);
            }
        }
        return new Scores(fused.Average(), byTruth.Average(), byClicks.Average(), byJudged.Average(), fused, byTruth, byClicks, byJudged);
    }

    /// <summary>True nDCG@10 of the order <paramref name="model"/> gives the query's candidates, as the engine's rerank stage orders them.</summary>
    private static double Score(RankerModel model, RankerTrainingQuery query, double negationDemotion)
    {
        if (query.Candidates.Count == 0) return RankingMetrics.NdcgAt(10, [], query.Judgments);
        var scores = model.Score(query.Candidates.Select(c => c.Features as float[] ?? c.Features.ToArray()).ToArray());
        var ranked = LearnedOrder.Rank(scores, query.Candidates.Select(c => c.AffirmsNegation).ToArray(), negationDemotion);
        return RankingMetrics.NdcgAt(10, ranked.Select(o => query.Candidates[o.Index].ProductId).ToArray(), query.Judgments);
    }
}
