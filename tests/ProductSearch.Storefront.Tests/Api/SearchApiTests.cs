using System.Text.Json;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

[Collection(StorefrontCollection.Name)]
public sealed class SearchApiTests(StorefrontApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_shopper_query_finds_girls_shoes_first()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=girls%20white%20shoes");
        Assert.Equal("girls white shoes", answer.Text("query"));
        Assert.Equal("hybrid", answer.Text("mode"));
        var hits = answer.GetProperty("hits").EnumerateArray().ToArray();
        Assert.Equal(10, hits.Length); // the default k
        Assert.Equal(Enumerable.Range(1, 10), hits.Select(h => h.GetProperty("rank").GetInt32()));
        foreach (var hit in hits.Take(3))
        {
            var categories = hit.GetProperty("product").GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToArray();
            Assert.Contains("Girls", categories);
            Assert.Contains("Shoes", categories);
        }
        var first = hits[0].GetProperty("product");
        Assert.Contains("shoe", first.Text("title"), StringComparison.OrdinalIgnoreCase);
        Assert.True(hits[0].GetProperty("keyword").ValueKind == JsonValueKind.Object || hits[0].GetProperty("semantic").ValueKind == JsonValueKind.Object);
        Assert.Equal(JsonValueKind.Null, hits[0].GetProperty("explanation").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("imageUrl").ValueKind); // the demo catalog's "" reads as null
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_engines_cache_with_the_same_hits()
    {
        const string url = "/api/search?q=cotton%20tea%20towels%20for%20the%20cache&k=7";
        var first = await _client.GetJsonAsync(url);
        var again = await _client.GetJsonAsync(url);
        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(again.GetProperty("cached").GetBoolean());
        static string[] Ids(JsonElement answer) => answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product").Text("id")).ToArray();
        Assert.Equal(Ids(first), Ids(again));
    }

    [Fact]
    public async Task The_product_fields_come_from_the_catalog()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=girls%20white%20shoes&k=1");
        var product = answer.GetProperty("hits")[0].GetProperty("product");
        var source = app.Index.Products[product.Text("id")];
        Assert.Equal(source.GetProperty("product_title").GetString(), product.Text("title"));
        Assert.Equal(source.GetProperty("product_brand").GetString(), product.Text("brand"));
        Assert.Equal(source.GetProperty("product_color").GetString(), product.Text("color"));
        Assert.Equal(source.GetProperty("price").GetDecimal(), product.GetProperty("price").GetDecimal());
        Assert.Equal(source.GetProperty("rating").GetDouble(), product.GetProperty("rating").GetDouble());
        Assert.Equal(source.GetProperty("rating_count").GetInt32(), product.GetProperty("ratingCount").GetInt32());
    }

    [Fact]
    public async Task Offset_and_k_page_through_the_same_ranking()
    {
        var all = await Ids("/api/search?q=white%20sneakers&k=10");
        var second = await Ids("/api/search?q=white%20sneakers&k=5&offset=5");
        Assert.Equal(all[5..], second);
        var answer = await _client.GetJsonAsync("/api/search?q=white%20sneakers&k=5&offset=5");
        Assert.Equal(6, answer.GetProperty("hits")[0].GetProperty("rank").GetInt32());
    }

    [Theory]
    [InlineData("keyword", true, false)]
    [InlineData("semantic", false, true)]
    [InlineData("bm25", true, false)]   // the core's names are accepted too
    [InlineData("DENSE", false, true)]
    public async Task A_single_retriever_mode_answers_from_that_retriever_alone(string mode, bool keyword, bool semantic)
    {
        var answer = await _client.GetJsonAsync($"/api/search?q=girls%20sneakers&mode={mode}");
        Assert.Equal(keyword ? "keyword" : "semantic", answer.Text("mode"));
        var hits = answer.GetProperty("hits").EnumerateArray().ToArray();
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Equal(keyword, h.GetProperty("keyword").ValueKind == JsonValueKind.Object);
            Assert.Equal(semantic, h.GetProperty("semantic").ValueKind == JsonValueKind.Object);
        });
    }

    [Fact]
    public async Task A_brand_filter_keeps_only_that_brand_ignoring_case()
    {
        var unfiltered = await _client.GetJsonAsync("/api/search?q=girls%20white%20shoes&k=30");
        var brands = unfiltered.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product").Text("brand")).Distinct().ToArray();
        Assert.True(brands.Length >= 2, "the test needs a query with several brands");
        var brand = brands[1];

        var answer = await _client.GetJsonAsync($"/api/search?q=girls%20white%20shoes&k=30&brand={Uri.EscapeDataString(brand.ToUpperInvariant())}");
        var hits = answer.GetProperty("hits").EnumerateArray().ToArray();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(brand, h.GetProperty("product").Text("brand")));
        var expected = app.Index.Products.Values.Count(p => string.Equals(p.GetProperty("product_brand").GetString(), brand, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, answer.GetProperty("filterMatches").GetInt32());
    }

    [Fact]
    public async Task Brand_color_and_price_filters_combine()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=shoes&k=50&color=white&color=pink&minPrice=20&maxPrice=40.5");
        var hits = answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product")).ToArray();
        Assert.NotEmpty(hits);
        Assert.All(hits, p =>
        {
            Assert.Contains(p.Text("color").ToLowerInvariant(), new[] { "white", "pink" });
            Assert.InRange(p.GetProperty("price").GetDecimal(), 20m, 40.5m);
        });
        var expected = app.Index.Products.Values.Count(p =>
            p.GetProperty("product_color").GetString()!.ToLowerInvariant() is "white" or "pink" &&
            p.GetProperty("price").GetDecimal() is >= 20m and <= 40.5m);
        Assert.Equal(expected, answer.GetProperty("filterMatches").GetInt32());
    }

    [Fact]
    public async Task Explain_says_why_each_hit_ranks_there()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=girls%20white%20shoes&k=3&explain=true");
        Assert.All(answer.GetProperty("hits").EnumerateArray(), h =>
        {
            var why = h.GetProperty("explanation");
            Assert.Equal("convex", why.Text("method"));
            Assert.StartsWith("convex (MinMax):", why.Text("formula"));
            var parts = why.GetProperty("keywordPart").GetDouble() + why.GetProperty("semanticPart").GetDouble();
            Assert.Equal(h.GetProperty("score").GetDouble(), parts, 6);
        });
    }

    [Theory]
    [InlineData("title:(a AND")]
    [InlineData("*")]
    [InlineData("\"~")]
    public async Task Query_syntax_is_searched_as_plain_words(string query)
    {
        var answer = await _client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(query, answer.Text("query"));
    }

    private async Task<string[]> Ids(string url)
    {
        var answer = await _client.GetJsonAsync(url);
        return answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product").Text("id")).ToArray();
    }

    [Fact]
    public async Task Suggest_completes_the_last_word_from_the_catalog()
    {
        var answer = await _client.GetJsonAsync("/api/suggest?q=sne");
        var texts = answer.EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToArray();
        Assert.Contains("sneakers", texts);
        Assert.All(answer.EnumerateArray(), s => Assert.Contains(s.GetProperty("kind").GetString(), new[] { "pastquery", "query", "brand" }));
        Assert.Empty((await _client.GetJsonAsync("/api/suggest?q=sne%20")).EnumerateArray());
    }

    [Fact]
    public async Task A_query_shoppers_searched_and_found_something_with_is_suggested_as_a_past_query()
    {
        async Task<JsonElement[]> PastQueries() => (await _client.GetJsonAsync("/api/suggest?q=white%20sh")).EnumerateArray()
            .Where(s => s.Text("kind") == "pastquery").ToArray();
        for (var i = 0; i < 2; i++) await _client.GetJsonAsync("/api/search?q=White%20Shoes&mode=keyword");
        Assert.DoesNotContain(await PastQueries(), s => s.Text("text") == "white shoes" && s.GetProperty("searches").GetInt32() < 3);
        await _client.GetJsonAsync("/api/search?q=white%20shoes%20");
        var past = Assert.Single(await PastQueries(), s => s.Text("text") == "white shoes");
        Assert.True(past.GetProperty("searches").GetInt32() >= 3);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("es")]
    [InlineData("jp")]
    public async Task A_search_names_its_locale(string locale)
    {
        var answer = await _client.GetJsonAsync($"/api/search?q=shoes&mode=keyword&locale={locale}");
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("hits").ValueKind);
    }

    [Theory]
    [InlineData("/api/search?q=shoes&locale=fr")]
    [InlineData("/api/search?q=shoes&locale=us&locale=es")]
    [InlineData("/api/search?q=shoes&locale=klingon&facets=false")]
    public async Task An_unknown_locale_is_400_naming_the_parameter_and_the_known_ones(string url)
    {
        var problem = await _client.GetJsonAsync(url, System.Net.HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty("locale").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.NotEmpty(errors);
        if (!url.Contains("locale=us&", StringComparison.Ordinal)) Assert.Contains("us, es, jp", errors[0]);
    }

    [Theory]
    [InlineData("/api/suggest?q=sne&n=0", "n")]
    [InlineData("/api/suggest?q=sne&n=21", "n")]
    public async Task Bad_suggest_requests_are_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await _client.GetJsonAsync(url, System.Net.HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_typo_is_searched_in_the_catalog_s_words_and_titles_come_highlighted()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=white%20snekers");
        Assert.Equal("white sneakers", answer.GetProperty("didYouMean").GetString());
        var highlight = answer.GetProperty("hits")[0].GetProperty("highlight").GetString()!;
        Assert.Contains("<mark>", highlight);
        Assert.DoesNotContain("<script", highlight);
    }

    [Fact]
    public async Task Typos_false_searches_exactly_what_was_typed()
    {
        var forgiving = await _client.GetJsonAsync("/api/search?q=snekers&mode=keyword");
        Assert.NotEqual(0, forgiving.GetProperty("hits").GetArrayLength());
        var exact = await _client.GetJsonAsync("/api/search?q=snekers&mode=keyword&typos=false");
        Assert.Equal(0, exact.GetProperty("hits").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, exact.GetProperty("didYouMean").ValueKind);
        var problem = await _client.GetJsonAsync("/api/search?q=shoes&typos=maybe", System.Net.HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("typos", out _), problem.ToString());
    }
}
