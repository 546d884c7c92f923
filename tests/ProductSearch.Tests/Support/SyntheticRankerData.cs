using ProductSearch.Evaluation;
using ProductSearch.Ranking;

namespace ProductSearch.Tests.Support;

/// <summary>
/// Ranker training data made up for tests: queries whose candidates come in a shuffled fused order, where one feature
/// (<c>title_exact_share</c>) either gives the label away (1 for Exact products, below 0.5 for the rest) or is noise.
/// A trainer that works must learn the first and find nothing in the second.
/// </summary>
internal static class SyntheticRankerData
{
    public static readonly int Telling = RankerFeatures.Names.ToList().IndexOf("title_exact_share");

    public static RankerTrainingSet Create(int queries, int candidates, bool featurePredicts, int seed = 5)
    {
        var random = new Random(seed);
        var built = new List<RankerTrainingQuery>();
        for (var q = 0; q < queries; q++)
        {
            var exact = Enumerable.Range(0, candidates).OrderBy(_ => random.Next()).Take(3).ToHashSet();
            var labels = Enumerable.Range(0, candidates).ToDictionary(i => Id(q, i), i => exact.Contains(i) ? EsciLabel.Exact : EsciLabel.Irrelevant);
            var rows = Enumerable.Range(0, candidates).Select(i =>
            {
                var features = new float[RankerFeatures.Names.Count];
                for (var f = 0; f < features.Length; f++) features[f] = (float)random.NextDouble();
                features[0] = i + 1; // fused_rank: the shuffled order below is the fused one
                features[Telling] = featurePredicts ? (exact.Contains(i) ? 1f : (float)random.NextDouble() * 0.5f) : (float)random.NextDouble();
                return new RankerCandidate(q * 1000L + i, Id(q, i), false, features);
            }).ToArray();
            built.Add(new RankerTrainingQuery(new QueryJudgments("q" + q, "query " + q, labels), rows));
        }
        return new RankerTrainingSet { Queries = built, Depth = candidates, NegationDemotion = 0.6, Fingerprint = "synthetic-" + seed };
    }

    /// <summary>Small, quick settings (tests need a model, not a good one).</summary>
    public static IReadOnlyList<LambdaMartSettings> QuickGrid { get; } = [new(4, 20, 0.2, 5), new(8, 20, 0.2, 5)];

    private static string Id(int query, int candidate) => $"P{query:D3}-{candidate:D2}";
}
