using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>One silo's replica of one shard, as the coordinator reaches it: the core's <see cref="IShardSearcher"/> calls, plus its state.</summary>
internal interface IShardReplicaGrain : IGrainWithStringKey
{
    /// <summary>Whether the replica is warm, and at which generation (opens it if this silo should hold it).</summary>
    Task<ReplicaState> StateAsync();

    /// <summary>Brings the silo's copy to at least cluster generation <paramref name="clusterGeneration"/>.</summary>
    Task<long> CatchUpAsync(long clusterGeneration);


    Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration);

    Task<ShardPlan> PlanAsync(ShardQuery query);

    Task<GlobalStatistics> StatisticsAsync(ShardQuery query);

    Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth);

    Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys);

    Task<IReadOnlyList<ShardFacetTally>> CountFacetsAsync(ShardQuery query, IReadOnlyList<long> keys, string? facet);

    Task<IReadOnlyList<ShardRuleFacts>> MerchandiseAsync(ShardQuery query, IReadOnlyList<long> window);

    Task<IReadOnlyList<double>> SortValuesAsync(ShardQuery query, IReadOnlyList<long> keys);

    Task<IReadOnlyList<WordCount>> BrandsStartingWithAsync(string prefix, int limit, long clusterGeneration);

    Task<IReadOnlyList<CategoryCount>> TopLevelCategoriesAsync(long clusterGeneration);

    Task<Product?> ProductAsync(string productId, long clusterGeneration);

    Task<IndexSchema> SchemaAsync(long clusterGeneration);
}

/// <summary>
/// The façade of the replica this silo holds (<see cref="SiloPinnedPlacement"/> keeps it here): the open shard lives
/// in the silo's <see cref="ShardHost"/>, so this grain holds nothing and can be deactivated at will. Reentrant and
/// read-only: queries run side by side on the shard, as they do on one node. A query on a cluster generation newer
/// than the silo's copy first brings the copy up to it.
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
            return new ReplicaState(Shard, silo.SiloAddress.ToString(), true, replica.ClusterGeneration, replica.Engine.Manifest.ProductCount, null);
        }
        catch (Exception ex) when (ex is ProductSearchException or IOException or UnauthorizedAccessException)
        {
            return new ReplicaState(Shard, silo.SiloAddress.ToString(), false, 0, 0, ex.Message);
        }
    }

    public Task<long> CatchUpAsync(long clusterGeneration) => host.CatchUpAsync(clusterGeneration);

    public Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration) =>
        OnGenerationAsync(clusterGeneration, s => s.AnswerAsync(questions, clusterGeneration));

    public Task<ShardPlan> PlanAsync(ShardQuery query) => OnGenerationAsync(query.ClusterGeneration, s => s.PlanAsync(query));

    public Task<GlobalStatistics> StatisticsAsync(ShardQuery query) => OnGenerationAsync(query.ClusterGeneration, s => s.StatisticsAsync(query));

    public Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth) =>
        OnGenerationAsync(query.ClusterGeneration, s => s.RetrieveAsync(query, statistics, depth));

    public Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys) =>
        OnGenerationAsync(query.ClusterGeneration, s => s.FetchAsync(query, keys));

    public Task<IReadOnlyList<ShardFacetTally>> CountFacetsAsync(ShardQuery query, IReadOnlyList<long> keys, string? facet) =>
        OnGenerationAsync(query.ClusterGeneration, s => s.CountFacetsAsync(query, keys, facet));

    public Task<IReadOnlyList<ShardRuleFacts>> MerchandiseAsync(ShardQuery query, IReadOnlyList<long> window) =>
        OnGenerationAsync(query.ClusterGeneration, s => s.MerchandiseAsync(query, window));

    public Task<IReadOnlyList<double>> SortValuesAsync(ShardQuery query, IReadOnlyList<long> keys) =>
        OnGenerationAsync(query.ClusterGeneration, s => s.SortValuesAsync(query, keys));

    public Task<IReadOnlyList<WordCount>> BrandsStartingWithAsync(string prefix, int limit, long clusterGeneration) =>
        OnGenerationAsync(clusterGeneration, s => s.BrandsStartingWithAsync(prefix, limit, clusterGeneration));

    public Task<IReadOnlyList<CategoryCount>> TopLevelCategoriesAsync(long clusterGeneration) =>
        OnGenerationAsync(clusterGeneration, s => s.TopLevelCategoriesAsync(clusterGeneration));

    public Task<Product?> ProductAsync(string productId, long clusterGeneration) =>
        OnGenerationAsync(clusterGeneration, s => s.ProductAsync(productId, clusterGeneration));

    public Task<IndexSchema> SchemaAsync(long clusterGeneration) => OnGenerationAsync(clusterGeneration, s => s.SchemaAsync(clusterGeneration));

    /// <summary>
    /// Runs <paramref name="call"/> on the replica at <paramref name="clusterGeneration"/>: a copy behind it catches up
    /// first; a copy ahead of it (the cluster moved on since the search began) answers with the generation to search instead.
    /// </summary>
    private async Task<T> OnGenerationAsync<T>(long clusterGeneration, Func<LocalShardSearcher, Task<T>> call)
    {
        var replica = await Replica();
        if (replica.ClusterGeneration < clusterGeneration) await host.CatchUpAsync(clusterGeneration);
        try
        {
            return await call(replica.Searcher);
        }
        catch (ClusterGenerationMovedException moved)
        {
            throw new ReplicaUnavailableException(Shard, silo.SiloAddress.ToString(), moved.Message) { MovedTo = moved.Current };
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw ReplicaRefusalException.Of(ex);
        }
        catch (ProductSearchException ex) when (ex is not ClusterGenerationMovedException)
        {
            // The engine's own failure (a damaged file found while reading): the coordinator asks another replica.
            throw new ReplicaUnavailableException(Shard, silo.SiloAddress.ToString(), ex.Message,
                ex.Reason is ProductSearchErrorReason.IndexNotFound or ProductSearchErrorReason.DamagedIndex);
        }
    }

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
