using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductSearch.AspNetCore;

namespace ProductSearch.Cluster.Tests;

/// <summary>What <c>AddProductSearchCluster</c> gives an app: the cluster as its <see cref="IProductSearch"/> and <see cref="IProductSearchSource"/> (no silo needed to resolve them).</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void The_cluster_client_is_the_apps_IProductSearch_and_its_source_hands_it_out()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddProductSearchCluster(cluster => cluster.ClusterId = "shop-7");
        using var host = builder.Build();

        var search = host.Services.GetRequiredService<IProductSearch>();
        var source = host.Services.GetRequiredService<IProductSearchSource>();

        Assert.Same(host.Services.GetRequiredService<ProductSearchClusterClient>(), search);
        Assert.True(source.TryGetSearch(out var handedOut, out _));
        Assert.Same(search, handedOut);
        Assert.Equal("cluster shop-7", source.Name);
    }
}
