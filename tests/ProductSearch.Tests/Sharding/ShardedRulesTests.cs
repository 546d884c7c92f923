using ProductSearch.Merchandising;
using ProductSearch.Ranking;
using ProductSearch.Sharding;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// Merchandising rules on a sharded index (set on every shard in one cluster generation) move the same products to
/// the same places as on one index: boosts and buries within the window, pins (of candidates and of products that
/// were not among them, unless they fail the filters), hides — after a sort too, with facets and totals counted over
/// the merchandised result set — at 2, 4 and 8 shards.
/// </summary>
public sealed class ShardedRulesTests : IDisposable
{
    private static readonly SearchFilters Everything = new() { Conditions = [SearchFilter.Parse("price>=0")] };
    private readonly ShardedCatalogs _catalogs = new(ShardedCatalogs.Demo(300));

    public void Dispose() => _catalogs.Dispose();

    [Fact]
    public async Task Pins_boosts_buries_and_hides_are_applied_as_one_index_applies_them()
    {
        var before = _catalogs.OneNode.Search(new SearchRequest { Query = "shoes", K = 5, Filters = Everything }).Hits.Select(h => h.Product.Id).ToArray();
        var redOnes = _catalogs.Products.Where(p => p.Color != "Red").Select(p => p.Id).ToArray();
        _catalogs.SetRules(MerchandisingRuleSet.Parse($$"""
            {"rules": [
              {"name": "red first", "query": {"contains": ["shoes"]}, "boost": ["color=Red"], "bury": ["brand=Brand0"]},
              {"query": {"contains": ["shoes"]}, "pin": [{"id": "p250", "position": 1}, {"id": "{{before[3]}}", "position": 3}, {"id": "{{redOnes[0]}}", "position": 4}], "hide": ["{{before[1]}}"]},
              {"query": {"exact": "red lamp"}, "pin": [{"id": "p5", "position": 2}], "hide": ["p6"]}
            ]}
            """));
        FacetRequest[] facets = [new("color"), new("price")];
        var pickedRed = new SearchFilters { Conditions = [SearchFilter.Parse("price>=0"), SearchFilter.Parse("color=Red")] };
        foreach (var shards in ShardedCatalogs.ShardCounts)
        foreach (var query in new[] { "white shoes", "red lamp", "leather boots kids" })
        foreach (var offset in new[] { 0, 40 })
        {
            // A facet on price would be counted without the price filter, by the graph (approximate): the exact dense side needs a filter left.
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Offset = offset, Filters = Everything, Facets = [new("color"), new("brand")] }, shards);
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Offset = offset, Mode = SearchMode.Bm25, Sort = SearchSort.Parse("price:desc") }, shards);
            await AssertSameAsync(new SearchRequest { Query = query, K = 10, Offset = offset, Filters = pickedRed, Facets = facets,
                Ranking = RankingProfile.Default with { Method = FusionMethod.Convex } }, shards);
        }
        var shoes = await AssertSameAsync(new SearchRequest { Query = "shoes", K = 10, Filters = Everything }, 4);
        Assert.Equal("p250", shoes.Hits[0].Product.Id);
        Assert.Equal(2, shoes.MatchedRules.Count);
        Assert.DoesNotContain(shoes.Hits, h => h.Product.Id == before[1]);
        Assert.Contains(shoes.Hits, h => h.Merchandising.Any(n => n.Action == MerchandisingAction.Boosted));
        var unruled = await AssertSameAsync(new SearchRequest { Query = "shoes", K = 10, Filters = Everything, MerchandisingRules = false }, 4);
        Assert.NotEqual(unruled.Hits.Select(h => h.Product.Id), shoes.Hits.Select(h => h.Product.Id));
    }

    private Task<SearchResponse> AssertSameAsync(SearchRequest request, int shards) => _catalogs.AssertSameAsync(request, shards);
}
