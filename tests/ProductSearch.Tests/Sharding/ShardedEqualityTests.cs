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

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Facets_and_totals_are_counted_as_one_index_counts_them(int shards)
    {
        FacetRequest[] facets = [new("color"), new("brand"), new("price")];
        FacetRequest[] ranges = [new("color"), new("price") { Ranges = [new FacetRange(null, 50), new FacetRange(50, 120), new FacetRange(120, null)] }];
        var pickedColor = new SearchFilters { Conditions = [SearchFilter.Parse("price>=0"), SearchFilter.Parse("color=Red,Black")] };
        var pickedBrand = new SearchFilters { Conditions = [SearchFilter.Parse("brand=Brand0"), SearchFilter.Parse("color=Red,Black,White")] };
        foreach (var query in Queries.Take(6))
        {
            // Not price here: it would be counted without the price filter, the dense side then by the graph (approximate, shard by shard).
            var one = await AssertSameAsync(new SearchRequest { Query = query, K = 10, Facets = [new("color"), new("brand")], Filters = Everything }, shards);
            Assert.NotEmpty(one.Facets["color"]);
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Facets = facets, Filters = pickedColor }, shards);
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Mode = SearchMode.Bm25, Facets = facets, Filters = pickedBrand }, shards);
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Mode = SearchMode.Bm25, Facets = facets }, shards);
            await AssertSameAsync(new SearchRequest { Query = query, K = 20, Offset = 10, Facets = ranges, Filters = pickedColor }, shards);
        }
        // Deep pages: the totals and facets describe the deepest tier the page needed.
        var deep = RankingProfile.Default with { Method = FusionMethod.Rrf, CandidateDepth = 8 };
        await AssertSameAsync(new SearchRequest { Query = "white shoes", K = 10, Offset = 40, Ranking = deep, Facets = facets, Filters = pickedColor }, shards);
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Sorted_pages_are_the_same_ascending_and_descending(int shards)
    {
        var deep = RankingProfile.Default with { Method = FusionMethod.Rrf, CandidateDepth = 8 };
        foreach (var sort in new[] { SearchSort.Parse("price"), SearchSort.Parse("price:desc") })
        foreach (var offset in new[] { 0, 10, 40 })
        {
            foreach (var query in Queries.Take(3))
            {
                await AssertSameAsync(new SearchRequest { Query = query, K = 10, Offset = offset, Sort = sort, Filters = Everything }, shards);
                await AssertSameAsync(new SearchRequest { Query = query, K = 10, Offset = offset, Sort = sort, Mode = SearchMode.Bm25 }, shards);
            }
            await AssertSameAsync(new SearchRequest { Query = "white shoes waterproof", K = 10, Offset = offset, Sort = sort, Ranking = deep, Filters = Everything }, shards);
        }
    }

    /// <summary>Explanations (fusion, each side's part, the dense floor's ids, hidden products) are one index's; Lucene's own BM25 explanation is refused.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Explanations_equal_one_index(int shards)
    {
        foreach (var query in Queries.Take(6))
        foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Bm25, SearchMode.Dense })
        foreach (var method in new[] { FusionMethod.Convex, FusionMethod.Rrf })
        {
            var request = new SearchRequest { Query = query, Mode = mode, K = 10, Offset = 5, Explain = true, Filters = Everything, Ranking = RankingProfile.Default with { Method = method } };
            var expected = await AssertSameAsync(request, shards);
            var actual = await _demo.Sharded(shards).SearchAsync(request);
            Assert.All(expected.Hits, h => Assert.NotNull(h.Explanation));
            Assert.Equal(expected.Hits.Select(h => h.Explanation), actual.Hits.Select(h => h.Explanation));
            Assert.Equal(expected.BelowFloorIds, actual.BelowFloorIds);
            Assert.Equal(expected.Hidden, actual.Hidden);
        }
    }

    [Fact]
    public async Task Lucenes_explanation_is_refused_and_bad_facets_and_sorts_are_named()
    {
        var sharded = _demo.Sharded(2);
        var explain = await Assert.ThrowsAsync<NotSupportedException>(() => sharded.SearchAsync(new SearchRequest { Query = "shoes", Explain = true, ExplainLexical = true }));
        Assert.Contains("ExplainLexical", explain.Message, StringComparison.Ordinal);
        var facet = await Assert.ThrowsAnyAsync<ArgumentException>(() => sharded.SearchAsync(new SearchRequest { Query = "shoes", Facets = [new FacetRequest("fabric")] }));
        Assert.Equal(nameof(SearchRequest.Facets), facet.ParamName);
        var sort = await Assert.ThrowsAnyAsync<ArgumentException>(() => sharded.SearchAsync(new SearchRequest { Query = "shoes", Sort = new SearchSort("color") }));
        Assert.Equal(nameof(SearchRequest.Sort), sort.ParamName);
    }

    private Task<SearchResponse> AssertSameAsync(SearchRequest request, int shards) => _demo.AssertSameAsync(request, shards);
}
