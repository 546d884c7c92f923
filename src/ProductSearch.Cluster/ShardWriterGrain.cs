using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Cluster;

/// <summary>The one writer of a shard (key: the shard number).</summary>
internal interface IShardWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces <paramref name="products"/> (all of this shard) in one commit; returns the generation committed.</summary>
    Task<long> UpsertAsync(IReadOnlyList<Product> products);

    /// <summary>Deletes <paramref name="productIds"/> (all of this shard) in one commit; returns the generation committed.</summary>
    Task<long> DeleteAsync(IReadOnlyList<string> productIds);
}

/// <summary>
/// A shard's writer. Three things keep it single: Orleans activates one per shard in the cluster; each write takes the
/// shard's OS write lock (<see cref="IndexWriter.Open"/>) for its length only — so a writer activation left behind on a
/// silo the cluster declared dead cannot hold the shard — and a generation fence (single activation can briefly break
/// while membership settles: the lock serialises two activations, each write builds on the manifest it finds under the
/// lock, and a commit below a generation already seen is refused). After the commit the shard's live replicas copy the new generation, so a write is visible when acknowledged.
/// </summary>
internal sealed class ShardWriterGrain(ShardHost host, ClusterEmbedder embedder, IClusterMembershipService membership, ILogger<ShardWriterGrain> logger)
    : Grain, IShardWriterGrain
{
    private long _generation = -1;

    private int Shard => (int)this.GetPrimaryKeyLong();

    private string ShardPath => ShardFolders.Of(host.Options.ClusterPath, Shard);

    public Task<long> UpsertAsync(IReadOnlyList<Product> products) =>
        CommitAsync(writer => writer.Write(products, new CatalogReadReport { Path = $"cluster shard {Shard}" }, SyncMode.Upsert));

    public Task<long> DeleteAsync(IReadOnlyList<string> productIds) => CommitAsync(writer => writer.Delete(productIds));

    private async Task<long> CommitAsync(Func<IndexWriter, IndexCommitReport> write)
    {
        var layout = new IndexLayout(ShardPath);
        var before = layout.ReadManifest();
        var report = await Task.Run(() =>
        {
            using var writer = IndexWriter.Open(ShardPath, new SharedEmbedder(embedder.Model.Value), before.Model.Source);
            return write(writer);
        });
        // The fence: a commit never lands below a generation this activation or the folder has already seen.
        var seen = Math.Max(before.Generation, _generation);
        if (report.Manifest.Generation < seen)
            throw new IndexException(ProductSearchErrorReason.IndexBusy, ShardPath, $"Shard {Shard}: a commit landed on generation {report.Manifest.Generation}, below generation {seen} already committed.");
        _generation = report.Manifest.Generation;
        ClusterLog.Committed(logger, Shard, _generation, report.Manifest.ProductCount);
        await ReplicateAsync(_generation);
        return _generation;
    }

    /// <summary>Has every live replica of the shard copy <paramref name="generation"/>; a replica that cannot is left to catch up when it next opens.</summary>
    private async Task ReplicateAsync(long generation)
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
        var replicas = ShardPlacement.Replicas(Shard, active, host.Options.ReplicaCount);
        var copies = replicas.Select(async silo =>
        {
            try
            {
                await GrainFactory.GetGrain<IShardReplicaGrain>(ReplicaKey.Of(Shard, silo)).CatchUpAsync(generation).WaitAsync(ReplicationWait);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ClusterLog.ReplicaCallFailed(logger, Shard, silo.ToString(), ex.Message);
            }
        });
        await Task.WhenAll(copies);
    }

    private static readonly TimeSpan ReplicationWait = TimeSpan.FromSeconds(30);
}
