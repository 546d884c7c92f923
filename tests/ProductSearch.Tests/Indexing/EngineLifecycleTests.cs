using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// The engine's life around its snapshots: disposal, refreshes that fail, a ranking profile that cannot be read, and
/// the time each stage of a search takes.
/// </summary>
public sealed class EngineLifecycleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Index => _temp.File("index");

    private void Commit(params string[] titles)
    {
        using var writer = IndexWriter.Open(Index, new HashingEmbedder(), "hashing-test");
        writer.Write(titles.Select((t, i) => new Product { Id = $"p{i}", Title = t }), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
    }

    private SearchEngine Open(ListLogger? log = null, ITextEmbedder? embedder = null, TimeProvider? time = null, TimeSpan? refresh = null) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = Index, RefreshInterval = refresh ?? TimeSpan.Zero, ResultCacheSize = 0 },
            embedder ?? new HashingEmbedder(), log, time);

    [Fact]
    public async Task A_search_after_dispose_throws_at_once()
    {
        Commit("red shoes", "blue shirt");
        var engine = Open();
        engine.Dispose();
        var search = Task.Factory.StartNew(() => engine.Search(new SearchRequest { Query = "shoes" }), TaskCreationOptions.LongRunning);
        Assert.Same(search, await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(10)))); // it must not spin
        await Assert.ThrowsAsync<ObjectDisposedException>(() => search);
        Assert.Throws<ObjectDisposedException>(() => engine.GetProduct("p0"));
        Assert.Throws<ObjectDisposedException>(() => engine.Refresh());
        engine.Dispose(); // twice is fine
    }

    [Fact]
    public void A_bad_ranking_profile_is_reported_once_and_the_last_good_one_stays_without_reopening_the_index()
    {
        Commit("red shoes", "blue shirt");
        var tuned = RankingProfile.Default with { Method = FusionMethod.Convex, Alpha = 0.7 };
        RankingProfileStore.Write(Index, tuned);
        var log = new ListLogger();
        using var engine = Open(log);
        Assert.Equal(FusionMethod.Convex, engine.DefaultProfile.Method);

        File.WriteAllText(RankingProfileStore.PathOf(Index), "{ \"method\": ");
        for (var i = 0; i < 5; i++) Assert.False(engine.Refresh());
        Assert.Equal(tuned with { FieldBoosts = engine.DefaultProfile.FieldBoosts }, engine.DefaultProfile);
        Assert.Equal(1, log.Count(LogLevel.Warning, "ranking-profile.json"));
        Assert.Equal(0, log.Count(LogLevel.Information, "Now reading generation"));
        Assert.NotEmpty(engine.Search(new SearchRequest { Query = "shoes" }).Hits);

        RankingProfileStore.Write(Index, RankingProfile.Default with { Method = FusionMethod.Rrf, LexicalWeight = 1 });
        Assert.True(engine.Refresh());
        Assert.Equal((FusionMethod.Rrf, 1.0), (engine.DefaultProfile.Method, engine.DefaultProfile.LexicalWeight));
    }

    [Fact]
    public void An_invalid_profile_at_open_leaves_the_default_in_use()
    {
        Commit("red shoes", "blue shirt");
        File.WriteAllText(RankingProfileStore.PathOf(Index), "not json");
        var log = new ListLogger();
        using var engine = Open(log);
        Assert.Same(RankingProfile.Default, engine.DefaultProfile);
        Assert.Equal(1, log.Count(LogLevel.Warning, "built-in default"));
    }

    [Fact]
    public void A_newer_commit_that_cannot_be_opened_leaves_searches_on_the_current_one()
    {
        Commit("red shoes", "blue shirt");
        using var engine = Open();
        var layout = new IndexLayout(Index);
        layout.WriteManifest(layout.ReadManifest() with { Generation = 99 }); // names a folder that does not exist
        var error = Assert.Throws<IndexException>(() => engine.Refresh());
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
        Assert.Equal(1, engine.Manifest.Generation);
        Assert.Equal("p0", engine.Search(new SearchRequest { Query = "red shoes", Mode = SearchMode.Bm25 }).Hits[0].Product.Id);
    }

    [Fact]
    public async Task Background_refresh_failures_are_logged_once_and_retried_at_growing_intervals()
    {
        Commit("red shoes", "blue shirt");
        var time = new FakeTimeProvider();
        var log = new ListLogger();
        using var engine = Open(log, time: time, refresh: TimeSpan.FromSeconds(2));
        var layout = new IndexLayout(Index);
        var good = layout.ReadManifest();
        layout.WriteManifest(good with { Generation = 99 });

        // Each search past the due time starts one background look; the failures push the next look out: 4 s, 8 s, 16 s.
        async Task<int> SearchAfter(TimeSpan wait)
        {
            time.Advance(wait);
            engine.Search(new SearchRequest { Query = "shoes", Mode = SearchMode.Bm25 });
            await WaitFor(() => log.Lines.Count(l => l.Message.Contains("generation folder", StringComparison.Ordinal) || l.Message.Contains("still cannot", StringComparison.Ordinal)));
            return log.Lines.Count(l => l.Message.Contains("still cannot", StringComparison.Ordinal) || l.Message.Contains("newer commit", StringComparison.Ordinal));
        }
        Assert.Equal(1, await SearchAfter(TimeSpan.FromSeconds(2)));
        Assert.Equal(1, await SearchAfter(TimeSpan.FromSeconds(3))); // not due yet: the first failure waits 4 s
        Assert.Equal(2, await SearchAfter(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, log.Count(LogLevel.Warning, "Could not move to the newer commit"));

        layout.WriteManifest(good); // repaired: the next look succeeds and the schedule is back to its interval
        time.Advance(TimeSpan.FromSeconds(8));
        engine.Search(new SearchRequest { Query = "shoes", Mode = SearchMode.Bm25 });
        Assert.Equal(1, engine.Manifest.Generation);
    }

    private static async Task WaitFor(Func<int> count)
    {
        // The look runs on a thread of its own; give it a bounded moment to log.
        var before = -1;
        for (var i = 0; i < 50 && count() != before; i++)
        {
            before = count();
            await Task.Delay(20);
        }
    }

    [Fact]
    public void Each_stage_reports_its_time_and_embedding_time_is_the_model_alone()
    {
        Commit("red shoes", "blue shirt", "green hat");
        var slow = new SlowEmbedder(TimeSpan.FromMilliseconds(30));
        using var engine = Open(embedder: slow);
        var response = engine.Search(new SearchRequest { Query = "red shoes" });
        var timings = response.Timings;
        Assert.Equal(timings.Embedding, response.EmbeddingTime);
        Assert.InRange(timings.Embedding, slow.LastCall - TimeSpan.FromMilliseconds(1), slow.LastCall + TimeSpan.FromMilliseconds(20));
        Assert.True(timings.Prepare >= timings.Embedding);
        Assert.True(timings.Dense > TimeSpan.Zero && timings.Lexical > TimeSpan.Zero && timings.Fetch > TimeSpan.Zero);
        var stages = timings.Prepare + timings.Lexical + timings.Dense + timings.Fusion + timings.Rerank + timings.Fetch;
        Assert.True(stages <= response.Elapsed, $"stages {stages} > elapsed {response.Elapsed}");

        var bm25 = engine.Search(new SearchRequest { Query = "red shoes", Mode = SearchMode.Bm25 }).Timings;
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (bm25.Embedding, bm25.Dense));
    }

    /// <summary>The hashing embedder, slowed down, remembering how long its last call took by its own clock.</summary>
    private sealed class SlowEmbedder(TimeSpan delay) : ITextEmbedder
    {
        private readonly HashingEmbedder _inner = new();

        public TimeSpan LastCall { get; private set; }

        public string ModelName => _inner.ModelName;

        public string ModelSha256 => _inner.ModelSha256;

        public int Dimensions => _inner.Dimensions;

        public string ActiveDevice => _inner.ActiveDevice;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Thread.Sleep(delay);
            var vectors = _inner.Embed(texts, purpose, cancellationToken);
            LastCall = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return vectors;
        }

        public void Dispose() { }
    }

    public void Dispose() => _temp.Dispose();
}
