using Orleans.Concurrency;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Cluster;

/// <summary>The cluster's entry point for clients: searches, product reads, writes and health, each spread over the shards.</summary>
internal interface ISearchCoordinatorGrain : IGrainWithIntegerKey
{
    Task<CoordinatorAnswer<Product>> GetProductAsync(string productId, ClusterRequestOptions options);

    Task<ClusterHealth> HealthAsync();

    Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products);

    Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds);
}

/// <summary>
/// A stateless worker: one or more activations on every silo, so the silo a client's gateway is runs the coordination
/// itself and no single coordinator is a bottleneck or a point of failure. It holds nothing between requests.
/// </summary>
[StatelessWorker]
internal sealed partial class SearchCoordinatorGrain(ShardHost host, ReplicaCaller replicas) : Grain, ISearchCoordinatorGrain
{
    public async Task<CoordinatorAnswer<Product>> GetProductAsync(string productId, ClusterRequestOptions options)
    {
        var shard = ShardRouting.ShardOf(productId, host.ShardCount);
        using var deadline = new CancellationTokenSource(options.Budget);
        try
        {
            var product = await replicas.CallAsync(shard, replica => replica.GetProductAsync(productId), options.HedgeAfter, deadline.Token);
            return new CoordinatorAnswer<Product>(product, [], false);
        }
        catch (ReplicaUnavailableException ex)
        {
            return new CoordinatorAnswer<Product>(null, [new ShardFailure(shard, ex.Reason, ex.ShardMissing)], false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new CoordinatorAnswer<Product>(null, [new ShardFailure(shard, $"no replica answered within {options.Budget.TotalSeconds:0.###} s", false)], true);
        }
    }

    public async Task<ClusterHealth> HealthAsync()
    {
        var active = replicas.ActiveSilos();
        var shards = await Task.WhenAll(Enumerable.Range(0, host.ShardCount).Select(async shard =>
        {
            long? generation = null;
            string? problem = null;
            try
            {
                generation = new IndexLayout(ShardFolders.Of(host.Options.ClusterPath, shard)).ReadManifest().Generation;
            }
            catch (ProductSearchException ex)
            {
                problem = ex.Message;
            }
            var states = await Task.WhenAll(ShardPlacement.Replicas(shard, active, host.Options.ReplicaCount).Select(async silo =>
            {
                try
                {
                    var state = await GrainFactory.GetGrain<IShardReplicaGrain>(ReplicaKey.Of(shard, silo)).StateAsync().WaitAsync(HealthWait);
                    return new ReplicaHealth(state.Silo, state.Warm, state.Generation, state.Problem);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return new ReplicaHealth(silo.ToString(), false, 0, ex.Message);
                }
            }));
            return new ShardHealth(shard, generation, states, problem);
        }));
        return new ClusterHealth(host.Options.ReplicaCount, active.Count, shards);
    }

    public Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products) =>
        WriteAsync(products, p => p.Id, (writer, part) => writer.UpsertAsync(part));

    public Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds) =>
        WriteAsync(productIds, id => id, (writer, part) => writer.DeleteAsync(part));

    /// <summary>Routes each item to its shard's writer; the shards commit side by side.</summary>
    private async Task<ClusterWriteReport> WriteAsync<T>(IReadOnlyList<T> items, Func<T, string> id, Func<IShardWriterGrain, IReadOnlyList<T>, Task<long>> write)
    {
        var shardCount = host.ShardCount;
        var commits = await Task.WhenAll(items.GroupBy(item => ShardRouting.ShardOf(id(item), shardCount))
            .Select(async group => (Shard: group.Key, Generation: await write(GrainFactory.GetGrain<IShardWriterGrain>(group.Key), group.ToArray()))));
        return new ClusterWriteReport(commits.OrderBy(c => c.Shard).ToDictionary(c => c.Shard, c => c.Generation));
    }

    private static readonly TimeSpan HealthWait = TimeSpan.FromSeconds(5);
}
