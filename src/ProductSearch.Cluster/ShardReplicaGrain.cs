using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using ProductSearch.Catalog;

namespace ProductSearch.Cluster;

/// <summary>One silo's replica of one shard, as the coordinator reaches it.</summary>
internal interface IShardReplicaGrain : IGrainWithStringKey
{
    /// <summary>Whether the replica is warm, and at which generation (opens it if it is not open yet).</summary>
    Task<ReplicaState> StateAsync();

    /// <summary>Brings the replica to at least <paramref name="generation"/> by copying it from the shard.</summary>
    Task<long> CatchUpAsync(long generation);

    /// <summary>A product of this shard by id.</summary>
    Task<Product?> GetProductAsync(string productId);
}

/// <summary>
/// The façade of the replica this silo holds (<see cref="SiloPinnedPlacement"/> keeps it here): the open engine lives
/// in the silo's <see cref="ShardHost"/>, so this grain holds nothing and can be deactivated at will. Reentrant and
/// read-only: queries run side by side on the engine, as they do on one node.
/// </summary>
[SiloPinnedPlacement, Reentrant]
internal sealed class ShardReplicaGrain(ShardHost host, ReplicaCaller replicas, ILocalSiloDetails silo, ILogger<ShardReplicaGrain> logger)
    : Grain, IShardReplicaGrain
{
    private int Shard => ReplicaKey.Shard(this.GetPrimaryKeyString());

    public async Task<ReplicaState> StateAsync()
    {
        try
        {
            var replica = await host.EnsureAsync(Shard);
            return new ReplicaState(Shard, silo.SiloAddress.ToString(), true, replica.Generation, replica.Engine.Manifest.ProductCount, null);
        }
        catch (Exception ex) when (ex is ProductSearchException or IOException or UnauthorizedAccessException)
        {
            return new ReplicaState(Shard, silo.SiloAddress.ToString(), false, 0, 0, ex.Message);
        }
    }

    public async Task<long> CatchUpAsync(long generation)
    {
        var replica = await Replica();
        return await replica.CatchUpAsync(generation, CancellationToken.None);
    }

    public async Task<Product?> GetProductAsync(string productId) => await (await Replica()).Engine.GetProductAsync(productId);

    /// <summary>
    /// The warm replica, or at once an error saying it is not (the coordinator asks another replica meanwhile): a
    /// replica still copying its shard must not hold a query for the length of a copy.
    /// </summary>
    private async Task<ShardReplica> Replica()
    {
        if (host.Warm(Shard) is { } warm) return warm;
        // Only the silos placement gives the shard copy it: a hedged call to any other silo must not make an R+1th replica.
        if (!ShardPlacement.Replicas(Shard, replicas.ActiveSilos(), host.Options.ReplicaCount).Contains(silo.SiloAddress))
            throw new ReplicaUnavailableException(Shard, silo.SiloAddress.ToString(), "this silo holds no replica of the shard");
        var opening = host.EnsureAsync(Shard);
        var finished = await Task.WhenAny(opening, Task.Delay(WarmWait));
        if (finished == opening && opening.IsCompletedSuccessfully) return opening.Result;
        var error = opening.IsFaulted ? opening.Exception!.InnerException : null;
        var reason = error?.Message ?? "the replica is still being copied and warmed";
        ClusterLog.ReplicaCallFailed(logger, Shard, silo.SiloAddress.ToString(), reason);
        var missing = error is ProductSearchException { Reason: ProductSearchErrorReason.IndexNotFound or ProductSearchErrorReason.DamagedIndex };
        throw new ReplicaUnavailableException(Shard, silo.SiloAddress.ToString(), reason, missing);
    }

    /// <summary>How long a query waits for a replica that is opening (an already-copied one opens in well under this).</summary>
    private static readonly TimeSpan WarmWait = TimeSpan.FromSeconds(2);
}
