using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Server;

public sealed class ServerOperationsTests
{
    [Fact]
    public async Task Metrics_health_and_the_openapi_document_are_served()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.GetAsync("/search?q=red+shoes");
        await admin.GetAsync("/search?q=red+shoes"); // answered from the result cache
        await admin.PatchAsync("/products/t1", JsonContent.Create(new { price = 12.5 }));

        var metrics = await service.Client(TestService.SearchKey).GetStringAsync("/metrics");
        Assert.Contains("productsearch_search_stage_duration_seconds_bucket{", metrics);
        Assert.Contains("stage=\"embed\"", metrics);
        Assert.Contains("stage=\"lexical\"", metrics);
        Assert.Contains("cache=\"hit\"", metrics);
        Assert.Contains("cache=\"miss\"", metrics);
        Assert.Contains("productsearch_commit_count", metrics);
        Assert.Contains("productsearch_commit_duration_seconds_bucket", metrics);
        Assert.Matches(@"productsearch_index_products\S* 20(\s|$)", metrics);
        Assert.Matches(@"productsearch_index_size_bytes\S* [1-9]", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics);
        Assert.Contains("http_route=\"/search\"", metrics);

        var health = await service.Client(null).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        var openApi = await service.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/search", "/suggest", "/products", "/products/{id}", "/products/delete", "/keys" })
            Assert.True(paths.TryGetProperty(path, out _), $"no {path} in the OpenAPI document");
        Assert.Equal("bearer", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.True(openApi.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task Search_suggest_and_bad_parameters_answer_as_documented()
    {
        await using var service = await TestService.StartAsync();
        var client = service.Client(TestService.SearchKey);
        var body = await client.PostAsJsonAsync("/search", new { query = "red", k = 2, mode = "bm25", filters = new { brands = new[] { "nope" } } });
        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        var answer = await body.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bm25", answer.GetProperty("mode").GetString());
        Assert.Empty(answer.GetProperty("hits").EnumerateArray());

        var unknown = await client.PostAsJsonAsync("/search", new { query = "red", filters = new { stock = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("filters.stock", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?q=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?q=red&k=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?q=red&mode=fast")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?q=red&filter=stock=3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?q=" + new string('a', 1001))).StatusCode);

        var suggestions = await client.GetFromJsonAsync<JsonElement>("/suggest?q=re");
        Assert.NotEmpty(suggestions.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/suggest?q=re&n=50")).StatusCode);
    }

    [Fact]
    public async Task Past_its_limit_the_service_answers_429_with_retry_after()
    {
        // The one place is held by a search whose query embedding waits on a gate: deterministic, where a write with a
        // slow body was not (the in-memory server may read a body before the limiter sees the request).
        var gate = new GatedEmbedder("hold");
        await using var service = await TestService.StartAsync(o => { o.ConcurrencyLimit = 1; o.QueueLimit = 0; o.RetryAfterSeconds = 3; }, embedder: () => gate);
        var held = service.Client(TestService.SearchKey).GetAsync("/search?q=hold");
        Assert.True(gate.Entered.Wait(TimeSpan.FromSeconds(60)), "the held search never reached the model");
        var refused = await service.Client(TestService.SearchKey).GetAsync("/search?q=red");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(null).GetAsync("/health")).StatusCode); // health is never limited
        gate.Release.Set();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(TestService.SearchKey).GetAsync("/search?q=red")).StatusCode);
    }

    /// <summary>The hashing embedder, except that a query holding <paramref name="word"/> waits until released.</summary>
    private sealed class GatedEmbedder(string word) : ITextEmbedder
    {
        private readonly HashingEmbedder _inner = new();

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public string ModelName => _inner.ModelName;

        public string ModelSha256 => _inner.ModelSha256;

        public int Dimensions => _inner.Dimensions;

        public string ActiveDevice => _inner.ActiveDevice;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
        {
            if (texts.Any(t => t.Contains(word, StringComparison.Ordinal)))
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(60), cancellationToken);
            }
            return _inner.Embed(texts, purpose, cancellationToken);
        }

        public void Dispose() { }
    }
}
