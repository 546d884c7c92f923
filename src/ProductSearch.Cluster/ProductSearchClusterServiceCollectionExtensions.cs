using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using ProductSearch;
using ProductSearch.AspNetCore;
using ProductSearch.Cluster;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects an ASP.NET Core app (or any generic host) to a ProductSearch cluster.</summary>
public static class ProductSearchClusterServiceCollectionExtensions
{
    /// <summary>
    /// Registers an Orleans client connected to the cluster's gateways, <see cref="ProductSearchClusterClient"/> (the
    /// cluster as one engine), the same client as the app's <see cref="ProductSearch.IProductSearch"/> (so a storefront
    /// written against it runs on the cluster), a <see cref="ProductSearchClusterSource"/> over it as the app's
    /// <see cref="IProductSearchSource"/> (so endpoints written for one index in process run on the cluster), and its health check (<see cref="ProductSearchClusterHealthCheck"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The options name no gateway, or a malformed one.</exception>
    public static IHostApplicationBuilder AddProductSearchCluster(this IHostApplicationBuilder builder, Action<ProductSearchClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ProductSearchClusterOptions();
        configure(options);
        var gateways = options.GatewayEndpoints();
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateways.ToArray())
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            })
            .AddProductSearchCluster());
        builder.Services.AddSingleton<IProductSearchSource>(services => new ProductSearchClusterSource(services.GetRequiredService<IProductSearch>(), options.ClusterId));
        builder.Services.AddHealthChecks().AddCheck<ProductSearchClusterHealthCheck>(ProductSearchClusterHealthCheck.Name);
        return builder;
    }
}
