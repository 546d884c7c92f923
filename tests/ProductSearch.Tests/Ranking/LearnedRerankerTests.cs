using Microsoft.Extensions.Logging;
using ProductSearch.Catalog;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>
/// The rerank stage with a stored ranker: applied when enabled (or asked for as ranked-hybrid), explained feature by
/// feature, and refused with one warning — searches keeping the fused order — when it reads features this version no
/// longer computes. The model is trained on synthetic data to trust <c>title_exact_share</c> alone.
/// </summary>
public sealed class LearnedRerankerTests : IDisposable
{
    private static readonly Lazy<byte[]> Model = new(() =>
        LambdaMart.Train(SyntheticRankerData.Create(queries: 20, candidates: 10, featurePredicts: true).Queries, SyntheticRankerData.QuickGrid[0], seed: 1));

    private static readonly string[] Titles =
    [
        "red leather shoes", "red shoes", "leather shoes", "shoes", "red leather shoes for kids with laces", "blue canvas shoes",
        "red leather belt", "leather wallet", "brown leather boots", "red running shoes", "white leather sneakers", "red dress",
    ];

    private readonly TempFolder _temp = new();

    public LearnedRerankerTests()
    {
        using var writer = IndexWriter.Open(Index, new HashingEmbedder(), "hashing-test");
        writer.Write(Titles.Select((t, i) => new Product { Id = $"p{i}", Title = t }), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
    }

    public void Dispose() => _temp.Dispose();

    private string Index => _temp.File("index");

    private SearchEngine Open(ListLogger? log = null) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = Index, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new HashingEmbedder(), log);

    private static StoredRanker Ranker(bool enabled, string featureSet = RankerFeatures.Version) => new()
    {
        FeatureSet = featureSet,
        Features = RankerFeatures.Names,
        Depth = 50,
        Enabled = enabled,
        TrainedAt = DateTimeOffset.UnixEpoch,
        TrainingFingerprint = "test",
        Estimate = new RankerEstimate
        {
            Queries = 20, Folds = 5, Repeats = 1, FusedNdcg = 0.5, RankedNdcg = 0.9, DifferenceLow = 0.3, DifferenceHigh = 0.5, PValue = 0.001, FoldDifferences = [0.4],
        },
        Model = Model.Value,
    };

    private static SearchRequest Query(SearchMode mode = SearchMode.Hybrid, bool secondStage = true, bool explain = false) =>
        new() { Query = "red leather shoes", K = 12, Mode = mode, SecondStage = secondStage, Explain = explain };

    private static IReadOnlyList<string> Ids(SearchResponse response) => response.Hits.Select(h => h.Product.Id).ToArray();

    [Fact]
    public void An_enabled_ranker_reorders_the_top_by_its_scores_and_explains_each_hit()
    {
        RankerStore.Write(Index, Ranker(enabled: true));
        using var engine = Open();
        Assert.NotNull(engine.Ranker);

        var ranked = engine.Search(Query(explain: true));
        var fused = engine.Search(Query(secondStage: false));

        Assert.All(fused.Hits, h => Assert.Null(h.RankerScore));
        Assert.All(ranked.Hits, h => Assert.NotNull(h.RankerScore));
        Assert.Equal(ranked.Hits.Select(h => h.RankerScore).OrderDescending(), ranked.Hits.Select(h => h.RankerScore));
        Assert.Equal(Ids(fused).Order(), Ids(ranked).Order());
        // Every word of the query, as typed, is in these two titles only: the model puts them first.
        Assert.Equal(["p0", "p4"], Ids(ranked).Take(2).Order());
        foreach (var hit in ranked.Hits)
        {
            var contributions = hit.Explanation!.RankerContributions!;
            Assert.Equal(RankerFeatures.Names, contributions.Select(c => c.Feature));
            Assert.Contains("learned ranker", hit.Explanation.Formula, StringComparison.Ordinal);
        }
        var top = ranked.Hits[0].Explanation!.RankerContributions!.Single(c => c.Feature == "title_exact_share");
        Assert.Equal(1f, top.Value);
        Assert.True(top.Contribution > 0);
        Assert.Equal(ranked.Hits.Count, engine.RankerCandidates(Query(), 50).Count);
    }

    [Fact]
    public void A_ranker_that_is_not_enabled_leaves_hybrid_searches_alone_and_serves_ranked_hybrid()
    {
        RankerStore.Write(Index, Ranker(enabled: false));
        using var engine = Open();

        var hybrid = engine.Search(Query());
        var ranked = engine.Search(Query(SearchMode.RankedHybrid));

        Assert.Equal(Ids(engine.Search(Query(secondStage: false))), Ids(hybrid));
        Assert.All(hybrid.Hits, h => Assert.Null(h.RankerScore));
        Assert.All(ranked.Hits, h => Assert.NotNull(h.RankerScore));
        Assert.Equal(["p0", "p4"], Ids(ranked).Take(2).Order());
    }

    [Fact]
    public void A_ranker_of_another_feature_set_is_refused_with_one_warning_and_searches_keep_the_fused_order()
    {
        RankerStore.Write(Index, Ranker(enabled: true, featureSet: "ranker-features-v0"));
        var log = new ListLogger();
        using var engine = Open(log);

        Assert.Null(engine.Ranker);
        var fused = Ids(engine.Search(Query(secondStage: false)));
        for (var i = 0; i < 3; i++)
        {
            Assert.False(engine.Refresh());
            var response = engine.Search(Query());
            Assert.Equal(fused, Ids(response));
            Assert.All(response.Hits, h => Assert.Null(h.RankerScore));
        }
        Assert.Equal(1, log.Count(LogLevel.Warning, "Ignoring the learned ranker"));
        Assert.Equal(1, log.Count(LogLevel.Warning, "ranker-features-v0"));
        Assert.Equal(1, log.Count(LogLevel.Warning, "until a ranker is trained for this version"));
        var refused = Assert.Throws<RankerException>(() => RankerStore.ReadCompatible(Index));
        Assert.Equal(ProductSearchErrorReason.IncompatibleRanker, refused.Reason);

        // Retraining is the way out: the engine picks the new ranker up without reopening the index.
        RankerStore.Write(Index, Ranker(enabled: true));
        Assert.True(engine.Refresh());
        Assert.NotNull(engine.Ranker);
        Assert.All(engine.Search(Query()).Hits, h => Assert.NotNull(h.RankerScore));
    }

    [Fact]
    public void Training_candidates_are_the_fused_order_with_one_feature_vector_each()
    {
        using var engine = Open();

        var candidates = engine.RankerCandidates(Query(), depth: 5);

        Assert.Equal(Ids(engine.Search(Query(secondStage: false))).Take(5), candidates.Select(c => c.ProductId));
        Assert.All(candidates, c => Assert.Equal(RankerFeatures.Names.Count, c.Features.Count));
        Assert.Equal([1f, 2f, 3f, 4f, 5f], candidates.Select(c => c.Features[0]));
        Assert.Throws<ArgumentException>(() => engine.RankerCandidates(Query(SearchMode.Dense), 5));
    }
}
