using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>One index of 5,000 synthetic products (hashing embedder), shared by the filter tests.</summary>
public sealed class SyntheticIndexFixture : IDisposable
{
    public const int Count = 5000;
    private readonly TempFolder _temp = new();

    public SyntheticIndexFixture()
    {
        var catalog = SyntheticCatalog.Write(_temp.File("catalog.jsonl"), Count);
        IndexPath = _temp.File("index");
        new IndexBuilder(Embedder, "hashing-test").BuildAsync(catalog, IndexPath).GetAwaiter().GetResult();
        Engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = IndexPath }, new HashingEmbedder());
    }

    public HashingEmbedder Embedder { get; } = new();

    public string IndexPath { get; }

    public SearchEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        _temp.Dispose();
    }
}

public sealed class FilterTests(SyntheticIndexFixture index) : IClassFixture<SyntheticIndexFixture>
{
    private SearchResponse Search(string query, SearchFilters filters, SearchMode mode = SearchMode.Hybrid, int k = 10) =>
        index.Engine.Search(new SearchRequest { Query = query, K = k, Mode = mode, Filters = filters });

    [Theory]
    [InlineData(SearchMode.Hybrid)]
    [InlineData(SearchMode.Bm25)]
    [InlineData(SearchMode.Dense)]
    public void A_one_percent_filter_still_fills_the_page(SearchMode mode)
    {
        // "white shoes" names no brand: without filtering inside the retrievers, Brand07 would rarely reach a top 10.
        var response = Search("white leather shoes", new SearchFilters { Brands = ["brand07"] }, mode);
        Assert.Equal(SyntheticIndexFixture.Count / 100, response.FilterMatches);
        // BM25 returns only products with a query word: as many Brand07 products as hold one, up to the page.
        var expected = mode == SearchMode.Bm25 ? Math.Min(10, Brand07TitlesWithAWordOf("white leather shoes")) : 10;
        Assert.InRange(expected, 5, 10);
        Assert.Equal(expected, response.Hits.Count);
        Assert.All(response.Hits, h => Assert.Equal("Brand07", h.Product.Brand));
    }

    private int Brand07TitlesWithAWordOf(string query)
    {
        var words = query.Split(' ');
        return File.ReadLines(Path.Combine(Path.GetDirectoryName(index.IndexPath)!, "catalog.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(p => p.GetProperty("product_brand").GetString() == "Brand07")
            .Count(p => p.GetProperty("product_title").GetString()!.ToLowerInvariant().Split(' ').Intersect(words).Any());
    }

    [Fact]
    public void Filtered_dense_recall_at_10_matches_exact_filtered_search()
    {
        var queries = Enumerable.Range(0, 20).Select(i => $"{SyntheticCatalog.Adjectives[i % 12]} {SyntheticCatalog.Nouns[(i * 5) % 12]}").ToArray();
        var catalog = Enumerable.Range(0, SyntheticIndexFixture.Count).ToArray();
        double found = 0;
        foreach (var (query, q) in queries.Select((q, i) => (q, i)))
        {
            var brand = SyntheticCatalog.Brand(q * 3);
            var allowed = ReadAllowed(brand);
            var queryVector = index.Embedder.Vector(query);
            var truth = allowed.OrderByDescending(p => Dot(queryVector, index.Embedder.Vector(p.Title))).ThenBy(p => p.Id).Take(10).Select(p => p.Id).ToHashSet();
            var got = Search(query, new SearchFilters { Brands = [brand] }, SearchMode.Dense).Hits.Select(h => h.Product.Id);
            found += got.Count(truth.Contains);
        }
        var recall = found / (queries.Length * 10.0);
        Assert.True(recall >= 0.95, $"filtered dense recall@10 {recall:F3} < 0.95");
    }

    private List<ProductSearch.Catalog.Product> ReadAllowed(string brand) =>
        index.Engine.Search(new SearchRequest { Query = brand, K = 1000, Mode = SearchMode.Bm25, Filters = new SearchFilters { Brands = [brand] } })
            .Hits.Select(h => h.Product).ToList();

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Price_color_category_locale_and_field_equality_combine()
    {
        var filters = new SearchFilters
        {
            Colors = ["white", "RED"],
            MinPrice = 10,
            MaxPrice = 20,
            Categories = ["even"],
            Locale = "us",
            FieldEquals = new Dictionary<string, string> { ["rating_count"] = "3" },
        };
        var response = Search("shoes", filters, k: 1000);
        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h =>
        {
            Assert.Contains(h.Product.Color, new[] { "White", "Red" });
            Assert.InRange(h.Product.Price!.Value, 10m, 20m);
            Assert.Contains("Even", h.Product.Categories);
            Assert.Equal("us", h.Product.Locale);
            Assert.Equal(3, h.Product.RatingCount);
        });
        Assert.Equal(response.FilterMatches, Search("zzzz unrelated", filters, SearchMode.Dense, k: 1000).Hits.Count);
    }

    [Fact]
    public void A_filter_nothing_passes_gives_no_results()
    {
        var response = Search("shoes", new SearchFilters { Brands = ["no-such-brand"] });
        Assert.Empty(response.Hits);
        Assert.Equal(0, response.FilterMatches);
    }

    [Fact]
    public void Product_id_equality_finds_one_product() =>
        Assert.Equal("S000042", Assert.Single(Search("model", new SearchFilters { FieldEquals = new Dictionary<string, string> { ["product_id"] = "S000042" } }).Hits).Product.Id);

    [Theory]
    [InlineData("weight", "3", "Unknown filter field 'weight'")]
    [InlineData("price", "cheap", "expects a number")]
    [InlineData("rating_count", "2.5", "expects a whole number")]
    public void Bad_filters_name_the_field(string field, string value, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Search("shoes", new SearchFilters { FieldEquals = new Dictionary<string, string> { [field] = value } }));
        Assert.Contains(message, error.Message);
        Assert.Equal("FieldEquals", error.ParamName);
    }

    [Fact]
    public void A_minimum_price_above_the_maximum_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Search("shoes", new SearchFilters { MinPrice = 50, MaxPrice = 10 }));
        Assert.Equal("MinPrice", error.ParamName);
    }

    [Fact]
    public void Pages_follow_each_other_without_gaps_or_repeats()
    {
        var all = index.Engine.Search(new SearchRequest { Query = "white shoes", K = 30 }).Hits.Select(h => h.Product.Id).ToArray();
        var pages = Enumerable.Range(0, 3).SelectMany(p => index.Engine.Search(new SearchRequest { Query = "white shoes", K = 10, Offset = p * 10 }).Hits).ToArray();
        Assert.Equal(all, pages.Select(h => h.Product.Id));
        Assert.Equal(Enumerable.Range(1, 30), pages.Select(h => h.Rank));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void A_bad_offset_is_named(int offset) =>
        Assert.Equal("Offset", Assert.ThrowsAny<ArgumentException>(() => index.Engine.Search(new SearchRequest { Query = "a", Offset = offset })).ParamName);
}
