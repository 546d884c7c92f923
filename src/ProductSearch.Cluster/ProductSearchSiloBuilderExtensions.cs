using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using ProductSearch.Cluster;

namespace Orleans.Hosting;

/// <summary>Makes an Orleans silo a ProductSearch cluster node.</summary>
public static class ProductSearchSiloBuilderExtensions
{
    /// <summary>
    /// Serves the shards of a ProductSearch cluster from this silo: the replicas placement gives it (copied from the
    /// cluster folder and warmed), their replica grains, the shard writers, the query coordinator, and membership
    /// settings that declare a dead silo in about a second and a half.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configure">Sets the cluster folder, this silo's replica folder and the replica count.</param>
    public static ISiloBuilder AddProductSearchShards(this ISiloBuilder silo, Action<ProductSearchSiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        var services = silo.Services;
        services.AddOptions<ProductSearchSiloOptions>().Configure(configure).Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.AddSingleton<ClusterEmbedder>();
        services.AddSingleton<ShardHost>();
        services.AddSingleton<ReplicaCaller>();
        services.AddHostedService<ReplicaKeeper>();
        services.Configure<ClusterMembershipOptions>(ClusterMembership.Tune);
        silo.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        ClusterSerialization.Add(services);
        return silo;
    }
}
