using System.Text.Json;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>
/// <c>GET /api/search</c>'s catalog parameters — <c>filter</c> in the engine's syntax, <c>category</c>, <c>sort</c> — and
/// what it answers beside the hits: <c>totalHits</c> and the engine's facets, checked against the hits themselves.
/// </summary>
[Collection(StorefrontCollection.Name)]
public sealed class FacetsAndSortApiTests(StorefrontApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>
    /// Two colours and a price band: a result set of about 40 (fewer than the default candidate depth of 50, within
    /// which the engine keeps one set and one order for every page; past it a page retrieves deeper).
    /// </summary>
    private const string TwoColoursAndABand = "q=shoes&color=white&color=pink&filter=price%3E%3D25&filter=price%3C50";

    [Fact]
    public async Task Facets_count_the_whole_result_set_that_the_pages_go_through()
    {
        var (answer, products) = await AllPagesAsync(TwoColoursAndABand);
        Assert.False(answer.GetProperty("totalHitsIsLowerBound").GetBoolean());
        Assert.Equal(answer.GetProperty("totalHits").GetInt32(), products.Length);
        Assert.True(products.Length > 20, "the result set should be more than a page");
        Assert.Equal(["brand", "color", "price", "rating"], answer.GetProperty("facets").EnumerateArray().Select(f => f.Text("field")));

        // Facets on fields nobody filtered count exactly what the pages hold.
        foreach (var value in Facet(answer, "brand").GetProperty("values").EnumerateArray())
            Assert.Equal(products.Count(p => Same(p.Text("brand"), value.Text("value"))), value.GetProperty("count").GetInt32());
        foreach (var floor in Facet(answer, "rating").GetProperty("values").EnumerateArray())
            Assert.Equal(products.Count(p => p.GetProperty("rating").GetDouble() >= floor.GetProperty("min").GetDouble()), floor.GetProperty("count").GetInt32());
        Assert.Equal(["0-25", "25-50", "50-100", "100-200", "200+"], Facet(answer, "price").GetProperty("values").EnumerateArray().Select(v => v.Text("value")));
        Assert.True(Facet(answer, "color").GetProperty("values").GetArrayLength() > 12, "every colour, not the first 12");
    }

    [Fact]
    public async Task Picked_colours_and_a_price_band_filter_the_results_and_the_other_colours_keep_their_counts()
    {
        var (answer, products) = await AllPagesAsync(TwoColoursAndABand);
        Assert.NotEmpty(products);
        Assert.Equal(answer.GetProperty("totalHits").GetInt32(), products.Length);
        Assert.All(products, p =>
        {
            Assert.Contains(p.Text("color").ToLowerInvariant(), new[] { "white", "pink" });
            Assert.InRange(p.GetProperty("price").GetDecimal(), 25m, 49.999m);
        });
        var colors = Facet(answer, "color").GetProperty("values").EnumerateArray().ToDictionary(v => v.Text("value").ToLowerInvariant(), v => v.GetProperty("count").GetInt32());
        // The picked colours are counted in the result set itself; the others as they would be picked (disjunctive).
        Assert.Equal(products.Length, colors.GetValueOrDefault("white") + colors.GetValueOrDefault("pink"));
        Assert.Contains(colors, c => c.Key is not ("white" or "pink") && c.Value > 0);
        var brands = Facet(answer, "brand").GetProperty("values").EnumerateArray().ToArray();
        Assert.Equal(products.Length, brands.Sum(b => b.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Filter_conditions_in_the_engine_s_syntax_combine_with_the_old_parameters()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=shoes&k=100&filter=rating%3E%3D4&filter=brand%3D" + Uri.EscapeDataString(GirlsShoeBrands().Take(2).Aggregate((a, b) => a + "," + b)) + "&maxPrice=60");
        var products = answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product")).ToArray();
        Assert.NotEmpty(products);
        var brands = GirlsShoeBrands().Take(2).Select(b => b.ToLowerInvariant()).ToArray();
        Assert.All(products, p =>
        {
            Assert.True(p.GetProperty("rating").GetDouble() >= 4);
            Assert.Contains(p.Text("brand").ToLowerInvariant(), brands);
            Assert.True(p.GetProperty("price").GetDecimal() <= 60m);
        });
    }

    [Theory]
    [InlineData("price:asc")]
    [InlineData("price:desc")]
    [InlineData("rating:desc")]
    public async Task Sort_orders_the_whole_result_set_and_pages_never_repeat(string sort)
    {
        var (answer, products) = await AllPagesAsync(TwoColoursAndABand + "&sort=" + sort, pageSize: 7);
        Assert.Equal(sort, answer.Text("sort"));
        Assert.Equal(products.Length, products.Select(p => p.Text("id")).Distinct().Count());
        Assert.Equal(answer.GetProperty("totalHits").GetInt32(), products.Length);
        var field = sort.Split(':')[0];
        var values = products.Select(p => p.GetProperty(field).GetDouble()).ToArray();
        Assert.Equal(sort.EndsWith(":desc", StringComparison.Ordinal) ? values.OrderDescending() : values.Order(), values);
    }

    [Fact]
    public async Task A_category_keeps_the_department_s_products()
    {
        var department = (await _client.GetJsonAsync("/api/departments"))[1].Text("name");
        var answer = await _client.GetJsonAsync("/api/search?q=gift&k=100&category=" + Uri.EscapeDataString(department.ToUpperInvariant()));
        var products = answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product")).ToArray();
        Assert.NotEmpty(products);
        Assert.All(products, p => Assert.Contains(department, p.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task Facets_false_answers_without_them()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=shoes&facets=false");
        Assert.Equal(0, answer.GetProperty("facets").GetArrayLength());
        Assert.True(answer.GetProperty("totalHits").GetInt32() > 0);
        Assert.Equal("relevance", answer.Text("sort"));
    }

    private IEnumerable<string> GirlsShoeBrands() => app.Index.Products.Values
        .Where(p => p.GetProperty("category").EnumerateArray().Any(c => c.GetString() == "Girls"))
        .GroupBy(p => p.GetProperty("product_brand").GetString()!).OrderByDescending(g => g.Count()).Select(g => g.Key);

    /// <summary>The first page's answer and every product of the result set, page by page with the same request.</summary>
    private async Task<(JsonElement First, JsonElement[] Products)> AllPagesAsync(string query, int pageSize = 20)
    {
        var first = await _client.GetJsonAsync($"/api/search?{query}&k={pageSize}");
        var products = new List<JsonElement>();
        for (var offset = 0; offset < first.GetProperty("totalHits").GetInt32(); offset += pageSize)
        {
            var page = offset == 0 ? first : await _client.GetJsonAsync($"/api/search?{query}&k={pageSize}&offset={offset}&facets=false");
            products.AddRange(page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product")));
        }
        return (first, products.ToArray());
    }

    private static JsonElement Facet(JsonElement answer, string field) =>
        answer.GetProperty("facets").EnumerateArray().Single(f => f.Text("field") == field);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
