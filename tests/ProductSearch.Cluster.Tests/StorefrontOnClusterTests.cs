using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>
/// The storefront sample, unchanged, on a live 3-silo cluster: every API answer — searches with their facets, totals
/// and pages, sorts, filters, suggestions, departments, product pages, refusals — is the one the same app gives on one
/// index holding the same products. Only the per-answer query id and timings differ.
/// </summary>
public sealed class StorefrontOnClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly TempFolder _logs = new();

    // Dense retrieval through a filter is exact on both sides (the shards' graphs differ from one index's graph, so
    // without one the semantic half may differ, as documented). Facets are off there: a facet on the filtered field is
    // counted over a retrieval without its filter, through the graphs. Keyword searches are exact and keep their facets.
    private const string Exact = "&filter=price%3E%3D0&facets=false";

    public static readonly TheoryData<string> Paths = new()
    {
        "/api/search?q=leather+boots" + Exact,
        "/api/search?q=white+shoes&offset=10" + Exact,
        "/api/search?q=white+shoes&explain=true" + Exact,
        "/api/search?q=leather+boots&mode=keyword&explain=true",
        "/api/search?q=waterproof+jacket&offset=40" + Exact,
        "/api/search?q=kids+sneakers&mode=keyword",
        "/api/search?q=kids+sneakers&mode=keyword&offset=10&k=5",
        "/api/search?q=cotton+shirt+womens&mode=semantic" + Exact,
        "/api/search?q=cotton+shirt+womens&mode=semantic&k=50" + Exact,
        "/api/search?q=boots&sort=price:asc" + Exact,
        "/api/search?q=shoes&sort=price:desc&mode=keyword",
        "/api/search?q=boots&mode=keyword&filter=size%3DM&filter=pack%3D3",
        "/api/search?q=shoes&mode=keyword&color=white&color=black",
        "/api/search?q=mug&mode=keyword&minPrice=5&maxPrice=40",
        "/api/search?q=lether+bots&mode=keyword",
        "/api/search?q=jacket&filter=size%3DM&mode=keyword",
        "/api/suggest?q=sne",
        "/api/suggest?q=leather+b&n=10",
        "/api/suggest?q=w&n=20",
        "/api/suggest?q=zzzz",
        "/api/departments",
        "/api/products/missing-id",
        "/api/search?q=",
        "/api/search?q=shoes&sort=nonsense:asc",
        "/api/search?q=shoes&filter=unknownfield%3D1",
        "/api/suggest?q=a&n=50",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_storefront_answers_from_the_cluster_as_from_one_index(string path)
    {
        using var single = new StorefrontOnOneIndex(fixture.SinglePath, _logs.File("single"));
        using var cluster = new StorefrontOnCluster(fixture, _logs.File("cluster"));

        var (singleStatus, singleBody) = await GetAsync(single.CreateClient(), path);
        var (clusterStatus, clusterBody) = await GetAsync(cluster.CreateClient(), path);

        Assert.True(singleStatus == clusterStatus, $"One index: {singleStatus} {singleBody}\nCluster: {clusterStatus} {clusterBody}");
        Assert.Equal(singleBody, clusterBody);
    }

    [Fact]
    public async Task Every_products_page_is_the_same_and_health_names_the_cluster()
    {
        using var single = new StorefrontOnOneIndex(fixture.SinglePath, _logs.File("single"));
        using var cluster = new StorefrontOnCluster(fixture, _logs.File("cluster"));
        var singleClient = single.CreateClient();
        var clusterClient = cluster.CreateClient();

        foreach (var product in ShardedCatalog.Products(fixture.ProductCount).Take(40))
        {
            var path = "/api/products/" + Uri.EscapeDataString(product.Id);
            var expected = await GetAsync(singleClient, path);
            Assert.Equal(200, expected.Status);
            Assert.Equal(expected, await GetAsync(clusterClient, path));
        }

        var health = await clusterClient.GetAsync("/health");
        var answer = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)health.StatusCode);
        Assert.Equal("healthy", (string?)answer["status"]);
        Assert.Equal("cluster productsearch", (string?)answer["engine"]!["index"]);
        Assert.Contains("shard 0", answer["engine"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>Status and body, with what differs by nature between two answers (the query id, the timings) taken out.</summary>
    private static async Task<(int Status, string Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(text);
        if (node is JsonObject answer)
        {
            foreach (var volatileField in new[] { "queryId", "elapsedMs", "embeddingMs", "cached", "traceId" }) answer.Remove(volatileField);
        }
        return ((int)response.StatusCode, node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "");
    }

    public void Dispose() => _logs.Dispose();

    /// <summary>The storefront as production runs it, on one index read with the test model, remembering no past queries (shards keep none).</summary>
    private class StorefrontOnOneIndex(string indexPath, string logFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ProductSearch:IndexPath", indexPath);
            builder.UseSetting("ProductSearch:Device", "cpu");
            builder.UseSetting("ProductSearch:PastQueries:MaxQueries", "0");
            builder.UseSetting("ProductSearch:BehaviorLog:Folder", logFolder);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<SearchEngineProvider>();
                services.AddSingleton(provider => new SearchEngineProvider(
                    provider.GetRequiredService<IOptions<SearchEngineOptions>>(), provider.GetService<ILoggerFactory>(), null, () => new HashingEmbedder()));
                ConfigureMore(services);
            });
        }

        protected virtual void ConfigureMore(IServiceCollection services) { }
    }

    /// <summary>
    /// The same app with its searches sent to the fixture's cluster, as <c>AddProductSearchCluster</c> registers them
    /// (the cluster as the app's <see cref="IProductSearchSource"/>, the cluster's health check), through the test
    /// cluster's own client: the in-process cluster has no gateway on a port for the app's <c>--cluster</c> switch.
    /// </summary>
    private sealed class StorefrontOnCluster(ClusterFixture fixture, string logFolder) : StorefrontOnOneIndex(fixture.SinglePath, logFolder)
    {
        protected override void ConfigureMore(IServiceCollection services)
        {
            services.RemoveAll<IProductSearchSource>();
            services.AddSingleton<IProductSearchSource>(new ProductSearchClusterSource(fixture.Client, "productsearch"));
            services.AddSingleton(fixture.Client);
            services.AddHealthChecks().AddCheck<ProductSearchClusterHealthCheck>(ProductSearchClusterHealthCheck.Name);
            // The one index the base app opens is not searched here, so its check is not this app's.
            services.Configure<HealthCheckServiceOptions>(options =>
            {
                var local = options.Registrations.Single(r => r.Name == SearchEngineHealthCheck.Name);
                options.Registrations.Remove(local);
            });
        }
    }
}
