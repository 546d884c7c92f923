using ProductSearch.Embedding;
using System.Net;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

[Collection(StorefrontCollection.Name)]
public sealed class ProductAndHealthApiTests(StorefrontApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_product_is_found_by_its_catalog_id()
    {
        var (id, source) = app.Index.Products.First(p => p.Value.GetProperty("product_bullet_point").GetString()!.Contains('\n'));
        var product = await _client.GetJsonAsync("/api/products/" + Uri.EscapeDataString(id));
        Assert.Equal(id, product.Text("id"));
        Assert.Equal(source.GetProperty("product_title").GetString(), product.Text("title"));
        Assert.Equal(source.GetProperty("product_description").GetString(), product.Text("description"));
        Assert.Equal(source.GetProperty("product_bullet_point").GetString()!.Split('\n').Length, product.GetProperty("bulletPoints").GetArrayLength());
        Assert.Equal(source.GetProperty("category").GetArrayLength(), product.GetProperty("categories").GetArrayLength());
    }

    [Theory]
    [InlineData("DEMO-999999")]
    [InlineData("demo-000001")] // ids compare exactly
    public async Task An_unknown_id_answers_404_problem(string id)
    {
        using var response = await _client.GetAsync("/api/products/" + id);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(id, problem.Text("detail"));
    }

    [Fact]
    public async Task Health_reports_the_loaded_index_model_and_device()
    {
        var health = await _client.GetJsonAsync("/health");
        Assert.Equal("healthy", health.Text("status"));
        Assert.True(health.GetProperty("indexLoaded").GetBoolean());
        var engine = health.GetProperty("engine");
        Assert.Equal(app.Index.Products.Count, engine.GetProperty("products").GetInt64());
        Assert.Equal(1, engine.GetProperty("generation").GetInt64());
        Assert.Equal(BuiltInModels.DefaultName, engine.Text("model"));
        Assert.Equal("cpu", engine.Text("device"));
        Assert.Equal(Path.GetFileName(app.Index.IndexPath), engine.Text("index")); // its name: the server's paths are not shown
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy()
    {
        using var response = await _client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"q\"", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var asset in new[] { "/css/store.css", "/js/store.js", "/js/colors.js", "/js/ubi.js", "/favicon.svg" })
            Assert.True((await _client.GetAsync(asset)).IsSuccessStatusCode, asset);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_with_its_limits()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/products/{id}", out _));
        Assert.False(paths.TryGetProperty("/api/facets", out _)); // facets come with each search
        var health = paths.GetProperty("/health").GetProperty("get").GetProperty("responses");
        Assert.True(health.TryGetProperty("200", out _));
        Assert.True(health.TryGetProperty("503", out _));
        var search = paths.GetProperty("/api/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.Text("name"));
        Assert.Equal(["q", "k", "offset", "mode", "brand", "color", "minPrice", "maxPrice", "category", "filter", "sort", "facets", "explain", "typos", "locale"], parameters.Keys);
        Assert.Equal("array", parameters["filter"].GetProperty("schema").Text("type"));
        Assert.Contains("rating>=4", parameters["filter"].Text("description"));
        Assert.Contains("price:asc", parameters["sort"].Text("description"));
        Assert.Equal(["us", "es", "jp"], parameters["locale"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(parameters["q"].GetProperty("required").GetBoolean());
        Assert.Equal(512, parameters["q"].GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Equal("integer", parameters["k"].GetProperty("schema").Text("type"));
        Assert.Equal(100, parameters["k"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal(10000, parameters["offset"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal(["hybrid", "keyword", "semantic"], parameters["mode"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(search.GetProperty("responses").TryGetProperty("503", out _));
    }
}
