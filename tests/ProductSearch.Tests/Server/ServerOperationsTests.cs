using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
        await using var service = await TestService.StartAsync(o => { o.ConcurrencyLimit = 1; o.QueueLimit = 0; o.RetryAfterSeconds = 3; });
        var admin = service.Client(TestService.AdminKey);
        // A write whose body has not finished arriving holds the one place.
        var release = new TaskCompletionSource();
        var held = admin.PutAsync("/products", new SlowContent(release.Task));
        // Until the write has taken the place, a search may still get it: ask again for a while (a busy machine).
        var refused = await service.Client(TestService.SearchKey).GetAsync("/search?q=red");
        // A deadline, not a count of tries: on a loaded 2-core machine the write can take seconds to reach the limiter.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (refused.StatusCode != HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            refused = await service.Client(TestService.SearchKey).GetAsync("/search?q=red");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(null).GetAsync("/health")).StatusCode); // health is never limited
        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(TestService.SearchKey).GetAsync("/search?q=red")).StatusCode);
    }

    /// <summary>A body that sends its first bytes, then waits before the rest.</summary>
    private sealed class SlowContent(Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("[{\"id\":\"s1\","u8.ToArray());
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync("\"title\":\"Slow Lamp\"}]"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
