using ProductSearch.Evaluation;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// Whether <c>tune</c> chosen on click judgments recovers what it gets from the true judgments: starting from a
/// reference profile (the grid of <see cref="ProfileTuner.DefaultGrid"/> around it), profiles tuned on each are scored
/// with the true judgments, on the tuning queries (in-sample) and on queries held out of tuning (k-fold).
/// </summary>
internal sealed class ProfileComparison(SearchEngine engine, RankingProfile reference)
{
    /// <summary>Mean true nDCG@10 of the reference, truth-tuned and click-tuned profiles, with the per-query values for tests.</summary>
    public sealed record Scores(double Default, double Truth, double Clicks, double[] PerQueryDefault, double[] PerQueryTruth, double[] PerQueryClicks)
    {
        /// <summary>Share of the truth-tuned gain over the reference that the click-tuned profile gets.</summary>
        public double Recovered => (Clicks - Default) / (Truth - Default);
    }

    public async Task<Scores> InSampleAsync(IReadOnlyList<QueryJudgments> truth, IReadOnlyList<QueryJudgments> clicks, CancellationToken cancellationToken)
    {
        var truthProfile = Tune(truth, cancellationToken);
        var clickProfile = Tune(clicks, cancellationToken);
        var d = await ScoreAsync(reference, truth, cancellationToken);
        var t = await ScoreAsync(truthProfile, truth, cancellationToken);
        var c = await ScoreAsync(clickProfile, truth, cancellationToken);
        return new Scores(d.Average(), t.Average(), c.Average(), d, t, c);
    }

    /// <summary>Each fold's queries are scored by the profiles tuned on the other folds' truth and clicks.</summary>
    public async Task<Scores> HeldOutAsync(IReadOnlyList<QueryJudgments> truth, IReadOnlyList<QueryJudgments> clicks, int folds, int seed, CancellationToken cancellationToken)
    {
        var clicksByText = clicks.ToDictionary(c => c.Query.ToLowerInvariant(), StringComparer.Ordinal);
        var order = Enumerable.Range(0, truth.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[truth.Count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        var (d, t, c) = (new double[truth.Count], new double[truth.Count], new double[truth.Count]);
        for (var f = 0; f < folds; f++)
        {
            var test = Enumerable.Range(0, truth.Count).Where(q => fold[q] == f).ToArray();
            var trainTruth = Enumerable.Range(0, truth.Count).Where(q => fold[q] != f).Select(q => truth[q]).ToArray();
            var trainClicks = trainTruth.Select(q => clicksByText.GetValueOrDefault(q.Query.ToLowerInvariant())).OfType<QueryJudgments>().ToArray();
            var truthProfile = Tune(trainTruth, cancellationToken);
            var clickProfile = Tune(trainClicks, cancellationToken);
            var testQueries = test.Select(q => truth[q]).ToArray();
            var (sd, st, sc) = (await ScoreAsync(reference, testQueries, cancellationToken), await ScoreAsync(truthProfile, testQueries, cancellationToken),
                await ScoreAsync(clickProfile, testQueries, cancellationToken));
            for (var i = 0; i < test.Length; i++) (d[test[i]], t[test[i]], c[test[i]]) = (sd[i], st[i], sc[i]);
        }
        return new Scores(d.Average(), t.Average(), c.Average(), d, t, c);
    }

    private RankingProfile Tune(IReadOnlyList<QueryJudgments> queries, CancellationToken cancellationToken) =>
        new ProfileTuner(engine) { Candidates = ProfileTuner.DefaultGrid(reference) }.Tune(queries, null, cancellationToken).Chosen;

    /// <summary>True nDCG@10 per query of searching with <paramref name="profile"/>.</summary>
    private async Task<double[]> ScoreAsync(RankingProfile profile, IReadOnlyList<QueryJudgments> queries, CancellationToken cancellationToken)
    {
        var scores = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var response = await engine.SearchAsync(new SearchRequest { Query = queries[i].Query, K = 10, Ranking = profile }, cancellationToken);
            scores[i] = RankingMetrics.NdcgAt(10, response.Hits.Select(h => h.Product.Id).ToArray(), queries[i]);
        }
        return scores;
    }
}
