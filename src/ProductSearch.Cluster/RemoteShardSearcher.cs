using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>
/// A shard as the core's <see cref="ShardCoordinator"/> sees it, reached through its replicas on other silos
/// (<see cref="ReplicaCaller"/>: placement order, hedged). A shard none of whose replicas answers either fails the
/// search (the default: <see cref="Failure"/> names it) or, when the request allows partial results, answers as a
/// shard holding nothing — its products are then missing from the answer, and <see cref="Failure"/> says so.
/// </summary>
internal sealed class RemoteShardSearcher(int shard, ReplicaCaller replicas, ClusterRequestOptions options) : IShardSearcher
{
    public int Shard => shard;

    /// <summary>Why the shard did not answer, once it has not.</summary>
    public ReplicaUnavailableException? Failure { get; private set; }

    public Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.AnswerAsync(questions, clusterGeneration), () => CatalogAnswers.None, cancellationToken);

    public Task<ShardPlan> PlanAsync(ShardQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.PlanAsync(query), null, cancellationToken);

    public Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.StatisticsAsync(query), () => new GlobalStatistics(), cancellationToken);

    public Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.RetrieveAsync(query, statistics, depth), () => new ShardCandidates(), cancellationToken);

    public Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.FetchAsync(query, keys), () => (IReadOnlyList<ShardProduct>)[], cancellationToken);

    public Task<IReadOnlyList<ShardFacetTally>> CountFacetsAsync(ShardQuery query, IReadOnlyList<long> keys, string? facet = null, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.CountFacetsAsync(query, keys, facet), () => (IReadOnlyList<ShardFacetTally>)[], cancellationToken);

    public Task<IReadOnlyList<ShardRuleFacts>> MerchandiseAsync(ShardQuery query, IReadOnlyList<long> window, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.MerchandiseAsync(query, window), () => (IReadOnlyList<ShardRuleFacts>)[], cancellationToken);

    // A shard left out of a partial answer has no products in the result set, so its empty answer fits the keys asked.
    public Task<IReadOnlyList<double>> SortValuesAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.SortValuesAsync(query, keys), () => (IReadOnlyList<double>)[], cancellationToken);

    public Task<IReadOnlyList<WordCount>> BrandsStartingWithAsync(string prefix, int limit, long clusterGeneration, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.BrandsStartingWithAsync(prefix, limit, clusterGeneration), () => (IReadOnlyList<WordCount>)[], cancellationToken);

    public Task<IReadOnlyList<CategoryCount>> TopLevelCategoriesAsync(long clusterGeneration, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.TopLevelCategoriesAsync(clusterGeneration), () => (IReadOnlyList<CategoryCount>)[], cancellationToken);

    public Task<Product?> ProductAsync(string productId, long clusterGeneration, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.ProductAsync(productId, clusterGeneration), () => null, cancellationToken);

    // No partial schema: a missing shard's fields would vanish from it, and with them the facets a storefront offers.
    public Task<IndexSchema> SchemaAsync(long clusterGeneration, CancellationToken cancellationToken = default) =>
        CallAsync(r => r.SchemaAsync(clusterGeneration), null, cancellationToken);

    private async Task<T> CallAsync<T>(Func<IShardReplicaGrain, Task<T>> call, Func<T>? empty, CancellationToken cancellationToken)
    {
        // A shard that failed once in this search is not asked again: its answers would not add up with the others'.
        if (Failure is not null && empty is not null && options.AllowPartialResults) return empty();
        try
        {
            return await replicas.CallAsync(shard, call, options.HedgeAfter, cancellationToken);
        }
        catch (ReplicaUnavailableException ex) when (ex.MovedTo is null)
        {
            Failure ??= ex;
            if (options.AllowPartialResults && empty is not null) return empty();
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Failure ??= new ReplicaUnavailableException(shard, "its replicas", "no replica answered within the request's budget");
            throw;
        }
    }
}
