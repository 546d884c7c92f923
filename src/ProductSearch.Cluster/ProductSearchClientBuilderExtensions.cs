using Microsoft.Extensions.DependencyInjection;
using ProductSearch;
using ProductSearch.Cluster;

namespace Orleans.Hosting;

/// <summary>Makes an Orleans client a ProductSearch cluster client.</summary>
public static class ProductSearchClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="ProductSearchClusterClient"/> (the cluster as one engine), also as the app's
    /// <see cref="ProductSearch.IProductSearch"/> (what a storefront asks of a catalog), and the serialization of the
    /// engine's types; the client's clustering (gateways) is configured as for any Orleans client.
    /// </summary>
    public static IClientBuilder AddProductSearchCluster(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        ClusterSerialization.Add(client.Services);
        client.Services.AddSingleton<GatewayLoss>();
        client.Services.AddSingleton(services => new ProductSearchClusterClient(services.GetRequiredService<IClusterClient>(), services.GetRequiredService<GatewayLoss>()));
        client.Services.AddSingleton<IProductSearch>(services => services.GetRequiredService<ProductSearchClusterClient>());
        client.AddGatewayCountChangedHandler(services => (_, change) => services.GetRequiredService<GatewayLoss>().OnCountChanged(change));
        return client;
    }
}
