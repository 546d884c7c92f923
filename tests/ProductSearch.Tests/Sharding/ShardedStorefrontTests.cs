using ProductSearch.Catalog;
using ProductSearch.Sharding;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// A sharded index answers a storefront (<see cref="IProductSearch"/>) as one index holding every product does: on the
/// hand-made skewed catalog at 2, 4 and 8 shards, as-you-type suggestions (words with and without context, partial
/// words, typos, brands), departments, the schema (an attribute whose type one shard alone widens included) and
/// products; and it refuses bad input as one index does.
/// </summary>
public sealed class ShardedStorefrontTests(ShardedEqualityTests.Catalogs catalogs) : IClassFixture<ShardedEqualityTests.Catalogs>
{
    private static readonly string[] Typed =
    [
        "white shoes", "leather boots kids", "red lamp", "cotton towel", "brand7 mug", "waterproof jacket", "stainless steel mug lid",
        "sneekers", "cordles drill", "classic sne", "cordless dri", "mug without lid", "bpa free glass", "mens jacket hooded", "soft", "portable lamp deluxe",
    ];

    public static TheoryData<int> Shards => new(ShardedCatalogs.ShardCounts);

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Suggestions_departments_schema_and_products_are_one_index_s(int shards)
    {
        var demo = catalogs.Demo;
        var texts = ShardedCatalogs.SuggestionTexts(Typed.Concat(demo.Products.Take(60).Select(p => p.Title)), demo.Products.Select(p => p.Brand!));
        await demo.AssertSameStorefrontAnswersAsync(shards, texts, demo.Products.Where((_, i) => i % 37 == 0).Select(p => p.Id).Append("p5"));
    }

    [Fact]
    public async Task The_comparisons_can_fail()
    {
        var demo = catalogs.Demo;
        var one = demo.OneNodeWithoutPastQueries;
        // The demo catalog gives each of these something to compare: words, brands, departments that tie, a widened attribute.
        Assert.Contains(one.Suggest("brand", 10), s => s.Kind == SuggestionKind.Brand);
        Assert.Contains(one.Suggest("cordless dri"), s => s.Kind == SuggestionKind.Query && s.Text.StartsWith("cordless dri", StringComparison.Ordinal));
        Assert.Equal(["Home & Kitchen", "Clothing", "Garden", "Tools"], one.GetTopLevelCategories().Select(c => c.Category));
        Assert.Equal(SchemaFieldType.Keyword, one.Schema.Find("pack")!.Type);
        var numberSomewhere = await Task.WhenAll(demo.Sharded(8).Shards.Select(s => s.SchemaAsync(demo.Sharded(8).Generations.Generation)));
        Assert.Contains(numberSomewhere, s => s.Find("pack")!.Type == SchemaFieldType.Number);
        // A shard alone does not answer as the whole catalog does.
        var generation = demo.Sharded(4).Generations.Generation;
        var alone = new ShardCoordinator([demo.Sharded(4).Shards[0]], new Support.HashingEmbedder());
        Assert.NotEqual(one.GetTopLevelCategories(), await alone.GetTopLevelCategoriesAsync(generation));
        Assert.NotEqual(one.Suggest("brand", 10), await alone.SuggestAsync("brand", 10, generation));
    }

    [Theory]
    [MemberData(nameof(Shards))]
    public async Task Bad_input_is_refused_as_one_index_refuses_it(int shards)
    {
        IProductSearch one = catalogs.Demo.OneNodeWithoutPastQueries;
        IProductSearch sharded = catalogs.Demo.Sharded(shards);
        foreach (var engine in new[] { one, sharded })
        {
            Assert.Equal("text", (await Assert.ThrowsAsync<ArgumentException>(() => engine.SuggestAsync(new string('a', SearchEngine.MaxSuggestionPrefixLength + 1)))).ParamName);
            Assert.Equal("max", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => engine.SuggestAsync("mug", 0))).ParamName);
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => engine.SuggestAsync("mug", 21));
            await Assert.ThrowsAsync<ArgumentNullException>(() => engine.SuggestAsync(null!));
            foreach (var id in new[] { "", "   ", new string('p', SearchEngine.MaxProductIdLength + 1) })
                Assert.Equal("productId", (await Assert.ThrowsAsync<ArgumentException>(() => engine.GetProductAsync(id))).ParamName);
            await Assert.ThrowsAsync<ArgumentNullException>(() => engine.GetProductAsync(null!));
        }
    }
}
