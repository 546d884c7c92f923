using ProductSearch.Fuzzing;
using System.Net;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>
/// Issue 14, items 3 and 11: a product store found damaged while searching is the service's failure — 503 with the
/// reason, and <c>/health</c> unhealthy — never 400 or 500; and no answer shows the server's file system (the index
/// is named by its folder's name) or a <c>Server</c> header.
/// </summary>
public sealed class ServerLeakAndDamageTests
{
    [Fact]
    public async Task A_product_store_damaged_under_a_running_app_is_503_with_the_reason_and_health_turns_unhealthy()
    {
        var folder = Path.Combine(TestIndex.Instance.NewFolder(), "shop-index");
        ScratchFiles.CopyFolder(TestIndex.Instance.IndexPath, folder);
        using var factory = new StorefrontFactory(folder);
        using var client = factory.CreateClient();
        Assert.Equal("healthy", (await client.GetJsonAsync("/health")).Text("status")); // opened whole

        // Every page after LiteDB's header inverted, as a failing disk would: the store opened; reading it now fails.
        var store = Directory.GetFiles(folder, "products.db", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(store);
        for (var i = 8192; i < bytes.Length; i++) bytes[i] ^= 0x5A;
        await File.WriteAllBytesAsync(store, bytes);

        foreach (var url in new[] { "/api/search?q=girls+white+shoes", "/api/search?q=shoes&filter=rating%3E%3D4&sort=price:asc", "/api/products/DEMO-000001" })
        {
            using var response = await client.GetAsync(url);
            var problem = await Http.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("shop-index", problem.Text("detail"));
            Assert.Contains("products.db", problem.Text("detail"));
            Assert.DoesNotContain(TestIndex.Instance.Root, problem.Text("detail"));
        }
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("products.db", body);
        Assert.DoesNotContain(TestIndex.Instance.Root, body);
    }

    [Fact]
    public async Task Health_and_unavailable_answers_name_the_index_not_its_path()
    {
        var missing = Path.Combine(TestIndex.Instance.NewFolder(), "gone-index");
        using var factory = new StorefrontFactory(missing);
        using var client = factory.CreateClient();
        using var health = await client.GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("gone-index", body);
        Assert.DoesNotContain(TestIndex.Instance.Root, body);
        Assert.DoesNotContain("indexPath", body);
        using var search = await client.GetAsync("/api/search?q=shoes");
        var problem = await Http.ProblemAsync(search, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("gone-index", problem.Text("detail"));
        Assert.DoesNotContain(TestIndex.Instance.Root, problem.Text("detail"));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var factory = new StorefrontFactory(TestIndex.Instance.IndexPath);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        using var response = await client.GetAsync("/health");
        Assert.Empty(response.Headers.Server);
    }
}
