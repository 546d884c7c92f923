using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// A sharded index answers exactly as one index holding every product: on a hand-made catalog with skewed word
/// frequencies, at 2, 4 and 8 shards, BM25 (same products, same scores to the bit), hybrid RRF and convex (top-10 and
/// the pages at offsets 0, 10 and 40, tiered deep pages included), dense — the dense side exact in both (a filter passing
/// every product makes both search exactly, not through the graph, whose recall is measured apart), typos, completions and negations. And the counter-check: with each shard's own statistics
/// the rankings differ, so these comparisons can fail.
/// </summary>
public sealed class ShardedEqualityTests : IClassFixture<ShardedEqualityTests.Catalogs>
{
    public sealed class Catalogs() : IDisposable
    {
        public ShardedCatalogs Demo { get; } = new(ShardedCatalogs.Demo(900));

        public void Dispose() => Demo.Dispose();
    }

    private static readonly string[] Queries =
    [
        "white shoes", "leather boots kids", "red lamp", "cotton towel", "brand7 mug", "waterproof jacket", "stainless steel mug lid",
        "sneekers", "cordles drill", "classic sne", "mug without lid", "bpa free glass", "mens jacket hooded", "soft", "portable lamp deluxe",
    ];

    /// <summary>A filter every product passes: the dense side then searches exactly (one index and every shard alike), not through the graph.</summary>
    private static readonly SearchFilters Everything = new() { Conditions = [SearchFilter.Parse("price>=0")] };

    private readonly ShardedCatalogs _demo;

    public ShardedEqualityTests(Catalogs catalogs) => _demo = catalogs.Demo;

    public static TheoryData<int> Shards => new(ShardedCatalogs.ShardCounts);

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Bm25_top_50_is_the_same_products_with_the_same_scores(int shards)
    {
        foreach (var query in Queries)
        {
            var request = new SearchRequest { Query = query, K = 50, Mode = SearchMode.Bm25 };
            await AssertSameAsync(request, shards);
        }
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Hybrid_pages_are_the_same_under_rrf_and_convex_fusion(int shards)
    {
        foreach (var method in new[] { FusionMethod.Rrf, FusionMethod.Convex })
        foreach (var query in Queries)
        foreach (var offset in new[] { 0, 10, 40 })
        {
            var request = new SearchRequest { Query = query, K = 10, Offset = offset, Ranking = RankingProfile.Default with { Method = method }, Filters = Everything };
            await AssertSameAsync(request, shards);
        }
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Deep_pages_past_the_first_tier_are_the_same(int shards)
    {
        // A depth of 8 makes the pages at offsets 10 and 40 come from the second, third and fourth tiers.
        var profile = RankingProfile.Default with { Method = FusionMethod.Rrf, CandidateDepth = 8 };
        foreach (var offset in new[] { 0, 10, 40 })
            await AssertSameAsync(new SearchRequest { Query = "white shoes waterproof", K = 10, Offset = offset, Ranking = profile, Filters = Everything }, shards);
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Exact_dense_search_is_the_same(int shards)
    {
        foreach (var query in Queries)
        {
            var request = new SearchRequest { Query = query, K = 30, Mode = SearchMode.Dense, Filters = Everything };
            await AssertSameAsync(request, shards);
        }
    }

    [Fact]
    public async Task Filters_corrections_and_completions_are_the_same()
    {
        var filtered = new SearchRequest { Query = "shoes", K = 20, Filters = new SearchFilters { Conditions = [SearchFilter.Parse("color=Red,Black")] } };
        var one = await AssertSameAsync(filtered, 4);
        Assert.NotEmpty(one.Hits);
        Assert.NotNull(one.FilterMatches);
        var typo = await AssertSameAsync(new SearchRequest { Query = "sneekers", K = 10, Filters = Everything }, 8);
        Assert.Equal("sneakers", typo.DidYouMean);
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task With_each_shards_own_statistics_bm25_rankings_differ(int shards)
    {
        // The counter-check: the same coordinator, with the shards' statistics left unsummed, no longer answers as one index.
        var sharded = _demo.Sharded(shards);
        var own = new ShardCoordinator(sharded.Shards.Select(s => (IShardSearcher)new OwnStatisticsShard(s)).ToArray(), new HashingEmbedder());
        var generation = sharded.Generations.Generation;
        var differing = 0;
        foreach (var query in Queries)
        {
            var request = new SearchRequest { Query = query, K = 50, Mode = SearchMode.Bm25 };
            var expected = _demo.OneNode.Search(request);
            if (AnswerComparison.FirstDifference(expected, await own.SearchAsync(request, generation)) is not null) differing++;
            Assert.Null(AnswerComparison.FirstDifference(expected, await sharded.SearchAsync(request)));
        }
        Assert.True(differing >= Queries.Length / 2, $"only {differing} of {Queries.Length} BM25 rankings differ with per-shard statistics");
    }

    [Fact]
    public async Task Sorting_and_facets_are_refused_naming_what_is_missing()
    {
        var sharded = _demo.Sharded(2);
        var sort = await Assert.ThrowsAsync<NotSupportedException>(() => sharded.SearchAsync(new SearchRequest { Query = "shoes", Sort = SearchSort.Parse("price") }));
        Assert.Contains("Sort", sort.Message, StringComparison.Ordinal);
        var facets = await Assert.ThrowsAsync<NotSupportedException>(() => sharded.SearchAsync(new SearchRequest { Query = "shoes", Facets = [new FacetRequest("color")] }));
        Assert.Contains("Facets", facets.Message, StringComparison.Ordinal);
    }

    private async Task<SearchResponse> AssertSameAsync(SearchRequest request, int shards)
    {
        var expected = _demo.OneNode.Search(request);
        var actual = await _demo.Sharded(shards).SearchAsync(request);
        var difference = AnswerComparison.FirstDifference(expected, actual);
        Assert.True(difference is null, $"{shards} shards, '{request.Query}' ({request.Mode}, {request.Ranking?.Method}, offset {request.Offset}): {difference}");
        Assert.Equal(expected.FilterMatches, actual.FilterMatches);
        Assert.Equal(expected.Hits.Select(h => h.Highlight), actual.Hits.Select(h => h.Highlight));
        return expected;
    }
}
