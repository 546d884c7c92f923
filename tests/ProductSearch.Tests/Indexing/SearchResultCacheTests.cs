using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

public sealed class SearchResultCacheTests
{
    private static readonly string[] Colors = ["Red", "Blue"];

    [Fact]
    public void An_identical_request_on_the_same_commit_is_answered_from_the_cache_and_nothing_else_is()
    {
        using var temp = new TempFolder();
        Commit(temp.Path, "cotton");
        using var engine = Open(temp.Path);
        var request = new SearchRequest { Query = "cotton shirt", K = 5 };

        var first = engine.Search(request);
        var again = engine.Search(request with { });
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Hits.Select(h => h.Product.Id), again.Hits.Select(h => h.Product.Id));
        Assert.Equal(TimeSpan.Zero, again.EmbeddingTime);

        Assert.False(engine.Search(request with { K = 6 }).FromCache);
        Assert.False(engine.Search(request with { Offset = 1 }).FromCache);
        Assert.False(engine.Search(request with { Mode = SearchMode.Bm25 }).FromCache);
        Assert.False(engine.Search(request with { Query = "cotton shirts" }).FromCache);
        Assert.False(engine.Search(request with { Explain = true }).FromCache);

        var red = request with { Filters = new SearchFilters { Colors = ["red"] } };
        Assert.False(engine.Search(red).FromCache);
        Assert.True(engine.Search(request with { Filters = new SearchFilters { Colors = ["red"] } }).FromCache);
        Assert.False(engine.Search(request with { Filters = new SearchFilters { Colors = ["blue"] } }).FromCache);
        Assert.False(engine.Search(request with { Filters = new SearchFilters { MinPrice = 1 } }).FromCache);

        // A request with its own ranking profile is never cached: profiles are not compared by value.
        var custom = request with { Ranking = RankingProfile.Default with { RrfRankConstant = 10 } };
        engine.Search(custom);
        Assert.False(engine.Search(custom).FromCache);
    }

    [Fact]
    public void A_new_commit_is_never_answered_from_the_old_commits_answers()
    {
        using var temp = new TempFolder();
        Commit(temp.Path, "cotton");
        using var engine = Open(temp.Path);
        var request = new SearchRequest { Query = "shirt", K = 3, Mode = SearchMode.Bm25 };
        engine.Search(request);
        Assert.True(engine.Search(request).FromCache);

        Commit(temp.Path, "linen");
        Assert.True(engine.Refresh());
        var after = engine.Search(request);
        Assert.False(after.FromCache);
        Assert.All(after.Hits, h => Assert.Contains("linen", h.Product.Title));
    }

    [Fact]
    public void Size_zero_turns_the_cache_off()
    {
        using var temp = new TempFolder();
        Commit(temp.Path, "cotton");
        using var engine = Open(temp.Path, resultCacheSize: 0);
        var request = new SearchRequest { Query = "cotton shirt" };
        engine.Search(request);
        Assert.False(engine.Search(request).FromCache);
    }

    private static SearchEngine Open(string index, int resultCacheSize = 512) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = index, RefreshInterval = TimeSpan.Zero, ResultCacheSize = resultCacheSize }, new HashingEmbedder());

    private static void Commit(string index, string fabric)
    {
        using var writer = IndexWriter.Open(index, new HashingEmbedder(), "hashing-test");
        writer.Write(Enumerable.Range(0, 20).Select(i => new Product
            {
                Id = "p" + i, Title = $"{fabric} shirt {i}", Color = Colors[i % 2], Price = 10 + i,
            }),
            new CatalogReadReport { Path = "shirts" }, SyncMode.Mirror);
    }
}
