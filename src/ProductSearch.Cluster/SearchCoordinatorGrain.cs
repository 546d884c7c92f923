using Orleans.Concurrency;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>The cluster's entry point for clients: searches, suggestions, departments, product reads, the schema, writes and health, each spread over the shards.</summary>
internal interface ISearchCoordinatorGrain : IGrainWithIntegerKey
{
    Task<CoordinatorAnswer<SearchResponse>> SearchAsync(SearchRequest request, ClusterRequestOptions options);

    Task<CoordinatorAnswer<Product?>> GetProductAsync(string productId, ClusterRequestOptions options);

    Task<CoordinatorAnswer<IReadOnlyList<Suggestion>>> SuggestAsync(string text, int max, ClusterRequestOptions options);

    Task<CoordinatorAnswer<IReadOnlyList<CategoryCount>>> GetTopLevelCategoriesAsync(ClusterRequestOptions options);

    Task<CoordinatorAnswer<IndexSchema>> GetSchemaAsync(ClusterRequestOptions options);

    Task<ClusterHealth> HealthAsync();

    Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products);

    Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds);
}

/// <summary>
/// A stateless worker: one or more activations on every silo, so the silo a client's gateway is runs the coordination
/// itself and no single coordinator is a bottleneck or a point of failure. It holds nothing between requests.
/// </summary>
[StatelessWorker]
internal sealed partial class SearchCoordinatorGrain(ShardHost host, ReplicaCaller replicas, ClusterEmbedder embedder) : Grain, ISearchCoordinatorGrain
{
    public async Task<ClusterHealth> HealthAsync()
    {
        var active = replicas.ActiveSilos();
        ClusterGenerations? generations = null;
        string? clusterProblem = null;
        try
        {
            generations = host.Layout.ReadGenerations();
        }
        catch (ProductSearchException ex)
        {
            clusterProblem = ex.Message;
        }
        var shards = await Task.WhenAll(Enumerable.Range(0, host.ShardCount).Select(async shard =>
        {
            var committed = generations is null || shard >= generations.Shards.Count ? null : generations.Shards[shard];
            var problem = clusterProblem ?? (committed is null ? "the cluster generation names no commit of this shard" : Problem(shard, committed));
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
            return new ShardHealth(shard, committed?.Generation, committed?.ProductCount, states, problem);
        }));
        return new ClusterHealth(generations?.Generation, host.Options.ReplicaCount, active.Count, shards);
    }

    /// <summary>What is wrong with a shard's commit in the cluster folder (its generation folder gone), or <c>null</c>; file contents are checked when replicas copy them.</summary>
    private string? Problem(int shard, IndexManifest committed)
    {
        var folder = new IndexLayout(host.Layout.ShardFolder(shard)).GenerationFolder(committed.Generation);
        return Directory.Exists(folder) ? null : $"shard {shard}'s generation folder '{folder}' is missing";
    }

    public Task<ClusterWriteReport> UpsertAsync(IReadOnlyList<Product> products) => GrainFactory.GetGrain<IClusterWriterGrain>(0).UpsertAsync(products);

    public Task<ClusterWriteReport> DeleteAsync(IReadOnlyList<string> productIds) => GrainFactory.GetGrain<IClusterWriterGrain>(0).DeleteAsync(productIds);

    private static readonly TimeSpan HealthWait = TimeSpan.FromSeconds(5);
}
