using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ProductSearch.AspNetCore;
using ProductSearch.Embedding;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Hosting;

/// <summary><c>services.AddProductSearch(...)</c> in a plain generic host: one shared engine, opened at start, disposed at stop.</summary>
public sealed class AddProductSearchTests
{
    [Fact]
    public async Task The_engine_opens_at_start_serves_concurrent_searches_and_is_disposed_at_shutdown()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddProductSearch(o =>
        {
            o.IndexPath = TestIndex.Instance.IndexPath;
            o.Device = ComputeDevice.Cpu;
            o.Ranking = Ranking.RankingProfile.Default with { RrfRankConstant = 30 };
        });
        var host = builder.Build();
        var provider = host.Services.GetRequiredService<SearchEngineProvider>();
        await host.StartAsync();

        var status = provider.Status;
        Assert.True(status.IsAvailable, status.Reason);
        Assert.NotNull(status.OpenedAt);
        Assert.Equal(TestIndex.Instance.Products.Count, status.ProductCount);
        Assert.Equal(30, provider.Engine.DefaultProfile.RrfRankConstant); // the configured default ranking profile

        // One engine for everyone: the same instance, searched from many threads at once.
        var engine = provider.Engine;
        var queries = new[] { "girls white shoes", "pink sneakers", "phone case", "leather belt" };
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            Assert.Same(engine, provider.Engine);
            var response = await engine.SearchAsync(new SearchRequest { Query = queries[i % queries.Length], K = 5 });
            return (i % queries.Length, string.Join(",", response.Hits.Select(h => h.Product.Id)));
        })));
        foreach (var group in results.GroupBy(r => r.Item1)) Assert.Single(group.Select(r => r.Item2).Distinct());

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries[SearchEngineHealthCheck.Name].Status);
        Assert.Equal(BuiltInModels.DefaultName, health.Entries[SearchEngineHealthCheck.Name].Data["model"]);

        await host.StopAsync();
        host.Dispose();
        Assert.Throws<ObjectDisposedException>(() => provider.Engine);
        Assert.Equal("The application is shutting down.", provider.Status.Reason);
    }

    [Fact]
    public async Task A_broken_index_does_not_stop_the_host()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddProductSearch(o => o.IndexPath = Path.Combine(TestIndex.Instance.NewFolder(), "missing"));
        using var host = builder.Build();
        await host.StartAsync();

        var provider = host.Services.GetRequiredService<SearchEngineProvider>();
        Assert.False(provider.TryGetEngine(out _, out var reason));
        Assert.Contains("does not exist", reason);
        var error = Assert.Throws<SearchEngineUnavailableException>(() => provider.Engine);
        Assert.Equal(reason, error.Message);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Equal(reason, health.Entries[SearchEngineHealthCheck.Name].Description);
        await host.StopAsync();
    }
}
