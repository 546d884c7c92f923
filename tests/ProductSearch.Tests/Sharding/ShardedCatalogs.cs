using System.Text.Json;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// One catalog indexed twice over: as one index and as sharded indexes of 2, 4 and 8 shards (all with the
/// <see cref="HashingEmbedder"/>), for comparing the answers of each. Disposed with its folder.
/// </summary>
public sealed class ShardedCatalogs : IDisposable
{
    public static readonly int[] ShardCounts = [2, 4, 8];

    private readonly TempFolder _temp = new();
    private readonly Dictionary<int, ShardedSearchEngine> _sharded = [];

    public ShardedCatalogs(IReadOnlyList<Product> products)
    {
        Products = products;
        OneNode = TinyIndex.Serve(_temp.File("one"), products);
        foreach (var count in ShardCounts)
        {
            var path = _temp.File("sharded-" + count);
            Write(path, count, products).Dispose();
            _sharded[count] = ShardedSearchEngine.Open(path, new HashingEmbedder());
        }
    }

    public IReadOnlyList<Product> Products { get; }

    /// <summary>A new sharded index of <paramref name="products"/> at <paramref name="path"/>; its writer, still open.</summary>
    public static ShardedIndexWriter Write(string path, int shards, IEnumerable<Product> products)
    {
        var writer = ShardedIndexWriter.Open(path, shards, TinyIndex.Embedder, TinyIndex.ModelSource);
        writer.Write(products, new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        return writer;
    }

    /// <summary>
    /// Asserts that the sharded index of <paramref name="shards"/> answers <paramref name="request"/> as the one index:
    /// hits, scores, totals and facets (<see cref="AnswerComparison"/>), filter matches, highlights, matched rules and
    /// what the rules did to each hit. Returns the one index's answer.
    /// </summary>
    public async Task<SearchResponse> AssertSameAsync(SearchRequest request, int shards)
    {
        var expected = OneNode.Search(request);
        var actual = await Sharded(shards).SearchAsync(request);
        var difference = AnswerComparison.FirstDifference(expected, actual);
        Assert.True(difference is null, $"{shards} shards, '{request.Query}' ({request.Mode}, {request.Ranking?.Method}, offset {request.Offset}): {difference}");
        Assert.Equal(expected.FilterMatches, actual.FilterMatches);
        Assert.Equal(expected.Hits.Select(h => h.Highlight), actual.Hits.Select(h => h.Highlight));
        Assert.Equal(expected.MatchedRules, actual.MatchedRules);
        Assert.Equal(expected.Hits.Select(h => string.Join("; ", h.Merchandising)), actual.Hits.Select(h => string.Join("; ", h.Merchandising)));
        return expected;
    }

    /// <summary>Sets the same merchandising rules on the one index and on every sharded one (a commit of each).</summary>
    public void SetRules(ProductSearch.Merchandising.MerchandisingRuleSet rules)
    {
        using (var writer = IndexWriter.Open(_temp.File("one"), TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.SetMerchandisingRules(rules);
        OneNode.Refresh();
        foreach (var count in ShardCounts)
        {
            using var writer = ShardedIndexWriter.Open(_temp.File("sharded-" + count), null, TinyIndex.Embedder, TinyIndex.ModelSource);
            writer.SetMerchandisingRules(rules);
        }
    }

    public SearchEngine OneNode { get; }

    public ShardedSearchEngine Sharded(int shards) => _sharded[shards];

    /// <summary>
    /// A varied hand-made catalog: titles, brands and descriptions drawn from small vocabularies with skewed word
    /// frequencies, so each shard's own BM25 statistics differ from the whole catalog's, and many near-ties.
    /// </summary>
    public static Product[] Demo(int count)
    {
        string[] extras = ["waterproof", "lightweight", "vintage", "premium", "organic", "wireless", "cordless", "compact", "portable", "deluxe",
            "bpa", "free", "stainless", "steel", "glass", "lid", "set", "pack", "laces", "hooded"];
        var random = new Random(17);
        return Enumerable.Range(0, count).Select(i =>
        {
            // Squared draws skew the frequencies: early words are common, late ones rare.
            string Pick(string[] words) => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)];
            var title = $"{Pick(SyntheticCatalog.Adjectives)} {Pick(SyntheticCatalog.Nouns)}" + (random.Next(3) == 0 ? $" {Pick(extras)}" : "") + (random.Next(4) == 0 ? $" {Pick(extras)} {Pick(SyntheticCatalog.Nouns)}" : "");
            return new Product
            {
                Id = "p" + i,
                Title = title,
                Brand = "Brand" + (int)(Math.Pow(random.NextDouble(), 3) * 40),
                Description = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(2) == 0 ? Pick(extras) : Pick(SyntheticCatalog.Nouns))),
                Color = SyntheticCatalog.Colors[random.Next(SyntheticCatalog.Colors.Length)],
                Price = 5 + random.Next(200),
                // Departments and attributes drawn from the product's number, not the random stream, so the titles above stay
                // as they were. Two departments tie (ordered by name); "pack" is a number but for one product, whose shard
                // alone types it keyword (as one index does, seeing all of its values).
                Categories = [Departments[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 == 5 ? 2 : 3], "Aisle " + i % 3],
                Attributes = new Dictionary<string, AttributeValue>
                {
                    ["pack"] = i == 5 ? AttributeValue.Of("5-pack") : AttributeValue.Of(1 + i % 6),
                    ["size"] = AttributeValue.Of(Sizes[i % Sizes.Length]),
                },
            };
        }).ToArray();
    }

    private static readonly string[] Departments = ["Home & Kitchen", "Clothing", "Tools", "Garden"];

    private static readonly string[] Sizes = ["S", "M", "L", "XL"];

    /// <summary>
    /// The one index opened a second time with past-query suggestions off (<see cref="PastQueryOptions.MaxQueries"/> 0):
    /// what a sharded index suggests (it keeps no past queries), whatever searches the tests have made on <see cref="OneNode"/>.
    /// </summary>
    public SearchEngine OneNodeWithoutPastQueries => _withoutPastQueries ??= SearchEngine.Open(
        new SearchEngineOptions { IndexPath = _temp.File("one"), RefreshInterval = TimeSpan.Zero, PastQueries = new PastQueryOptions { MaxQueries = 0 } }, new HashingEmbedder());

    private SearchEngine? _withoutPastQueries;

    /// <summary>
    /// Asserts that the sharded index of <paramref name="shards"/> answers a storefront as the one index does: the
    /// suggestions for each of <paramref name="texts"/> (5 of them; 20 for every fourth text), the departments, the
    /// schema, and the products with <paramref name="productIds"/> (and <c>null</c> for an id no product has).
    /// </summary>
    public async Task AssertSameStorefrontAnswersAsync(int shards, IReadOnlyList<string> texts, IEnumerable<string> productIds)
    {
        var one = OneNodeWithoutPastQueries;
        IProductSearch sharded = Sharded(shards);
        var differences = new List<string>();
        for (var t = 0; t < texts.Count; t++)
        foreach (var max in t % 4 == 0 ? [5, 20] : new[] { 5 })
        {
            var expected = one.Suggest(texts[t], max);
            var actual = await sharded.SuggestAsync(texts[t], max);
            if (!expected.SequenceEqual(actual))
                differences.Add($"'{texts[t]}' (max {max}): one index [{string.Join(", ", expected)}], shards [{string.Join(", ", actual)}]");
        }
        Assert.True(differences.Count == 0, $"{shards} shards: {differences.Count} of {texts.Count} suggestion lists differ; first: {differences.FirstOrDefault()}");
        Assert.Equal(one.GetTopLevelCategories(), await sharded.GetTopLevelCategoriesAsync());
        Assert.Equal(one.Schema.ToJson(), (await sharded.GetSchemaAsync()).ToJson());
        foreach (var id in productIds)
            Assert.Equal(JsonSerializer.Serialize(one.GetProduct(id)), JsonSerializer.Serialize(await sharded.GetProductAsync(id)));
        Assert.Null(await sharded.GetProductAsync("no-such-product"));
    }

    /// <summary>
    /// Texts a shopper types, from <paramref name="queries"/> and <paramref name="brands"/>: single letters, partial words,
    /// whole words, several words with the last one partial, a trailing space, a typo, brand prefixes in any case, blanks.
    /// </summary>
    public static IReadOnlyList<string> SuggestionTexts(IEnumerable<string> queries, IEnumerable<string> brands)
    {
        var texts = new List<string> { "", " ", "a", "s", "zzzz" };
        foreach (var query in queries.Where(q => q.Length > 0))
        {
            texts.AddRange([query[..1], query[..Math.Min(3, query.Length)], query[..((query.Length + 1) / 2)], query, query + " "]);
            if (query.Length > 3) texts.Add(query[..1] + query[2..]); // a letter left out
        }
        foreach (var brand in brands.Where(b => b.Length > 0).Distinct().Take(40))
            texts.AddRange([brand[..Math.Min(2, brand.Length)], brand, brand.ToUpperInvariant()[..((brand.Length + 1) / 2)]]);
        return texts.Distinct(StringComparer.Ordinal).ToArray();
    }

    public void Dispose()
    {
        _withoutPastQueries?.Dispose();
        OneNode.Dispose();
        foreach (var engine in _sharded.Values) engine.Dispose();
        _temp.Dispose();
    }
}
