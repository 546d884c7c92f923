using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ProductSearch.Catalog;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>The cluster's writer (one grain, key 0): routes each product to its shard and commits one cluster generation per batch.</summary>
internal interface IClusterWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces <paramref name="products"/> in one cluster generation; returns what it committed.</summary>
    Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products);

    /// <summary>Deletes <paramref name="productIds"/> in one cluster generation; returns what it committed.</summary>
    Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds);
}

/// <summary>
/// The cluster's writer: the core's <see cref="ShardedIndexWriter"/> routes every product to its shard, writes each
/// shard with its own single writer, and makes the batch visible at once by moving the cluster generation map. Three
/// things keep it single: Orleans activates one in the cluster; each write takes the sharded index's OS write lock
/// for its length only (so an activation left behind on a silo the cluster declared dead cannot hold the index); and a
/// generation fence: a commit that would land below a cluster generation this activation already saw is refused
/// (single activation can briefly break while membership settles; the lock then serialises the two, and each builds
/// on the generation map it finds under the lock). After the commit, the silos holding the changed shards copy the
/// new generation, so a write is visible to searches when acknowledged.
/// </summary>
internal sealed class ClusterWriterGrain(ShardHost host, ClusterEmbedder embedder, ReplicaCaller replicas, ILogger<ClusterWriterGrain> logger)
    : Grain, IClusterWriterGrain
{
    private long _generation = -1;

    public Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products) =>
        CommitAsync(writer => writer.Write(products, new CatalogReadReport { Path = "cluster write" }, Indexing.SyncMode.Upsert));

    public Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds) => CommitAsync(writer => writer.Delete(productIds));

    private async Task<ClusterWriteReport> CommitAsync(Func<ShardedIndexWriter, ShardedCommitReport> write)
    {
        var path = host.Options.ClusterPath;
        var manifest = new ShardedIndexLayout(path).ReadManifest();
        var report = await Task.Run(() =>
        {
            using var writer = ShardedIndexWriter.Open(path, null, new SharedEmbedder(embedder.Model.Value), manifest.Model.Source);
            return write(writer);
        });
        var committed = report.Generations.Generation;
        if (committed < _generation)
            throw new Indexing.IndexException(ProductSearchErrorReason.IndexBusy, path,
                $"A commit landed on cluster generation {committed}, below generation {_generation} already committed.");
        _generation = committed;
        ClusterLog.Committed(logger, committed, report.ProductCount);
        var changed = report.Shards.Select((shard, index) => (shard, index)).Where(s => s.shard.Added + s.shard.Updated + s.shard.Deleted > 0).Select(s => s.index).ToArray();
        await ReplicateAsync(changed, committed);
        return new ClusterWriteReport(committed, changed, report.Added, report.Updated, report.Deleted);
    }

    /// <summary>Has the silos holding <paramref name="shards"/> copy <paramref name="generation"/>; one that cannot catches up at its next query.</summary>
    private async Task ReplicateAsync(IReadOnlyList<int> shards, long generation)
    {
        var active = replicas.ActiveSilos();
        var silos = shards.SelectMany(shard => ShardPlacement.Replicas(shard, active, host.Options.ReplicaCount).Select(silo => (shard, silo)))
            .DistinctBy(p => p.silo);
        await Task.WhenAll(silos.Select(async p =>
        {
            try
            {
                await GrainFactory.GetGrain<IShardReplicaGrain>(ReplicaKey.Of(p.shard, p.silo)).CatchUpAsync(generation).WaitAsync(ReplicationWait);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ClusterLog.ReplicaCallFailed(logger, p.shard, p.silo.ToString(), ex.Message);
            }
        }));
    }

    private static readonly TimeSpan ReplicationWait = TimeSpan.FromSeconds(30);
}
