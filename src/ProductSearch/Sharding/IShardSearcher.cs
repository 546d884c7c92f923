using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Sharding;

/// <summary>
/// One shard of a sharded index, as its coordinator (<see cref="ShardCoordinator"/>) talks to it: in this process
/// (<see cref="LocalShardSearcher"/>) or on another machine (a grain façade over one). Every message is plain data. A
/// search asks, in order: <see cref="PlanAsync"/> on one shard and <see cref="AnswerAsync"/> on all until the query is
/// prepared as one index would prepare it; <see cref="StatisticsAsync"/> on all (Elasticsearch's
/// <c>dfs_query_then_fetch</c>); <see cref="RetrieveAsync"/> on all, once per tier, with the summed statistics; and
/// <see cref="FetchAsync"/> on the shards holding the page's products. A sorted search also reads the sort field of
/// every tier's candidates (<see cref="SortValuesAsync"/>); a faceted one counts facets over each shard's part of the
/// result set (<see cref="CountFacetsAsync"/>), and retrieves again without a picked facet's own filters. What a
/// storefront asks besides searches (<see cref="IProductSearch"/>) is answered from the same shards: suggestions from
/// <see cref="AnswerAsync"/> and <see cref="BrandsStartingWithAsync"/>, departments from <see cref="TopLevelCategoriesAsync"/>,
/// a product page from <see cref="ProductAsync"/> on the shard holding it, and the fields from <see cref="SchemaAsync"/>.
/// </summary>
public interface IShardSearcher
{
    /// <summary>This shard's answers to <paramref name="questions"/>, one per question (empty lists and zero counts included).</summary>
    Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Prepares the query with the answers it carries and says what else it needs to know about the catalog's words
    /// and, once nothing, the text to embed.
    /// </summary>
    /// <exception cref="ArgumentException">The request does not fit the index (a filter on an unknown field...); the message names it.</exception>
    Task<ShardPlan> PlanAsync(ShardQuery query, CancellationToken cancellationToken = default);

    /// <summary>This shard's counts of the terms and fields the query scores with (to be summed over every shard).</summary>
    Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken = default);

    /// <summary>Each retriever's best <paramref name="depth"/> candidates here, BM25 scored with <paramref name="statistics"/>, the request's filters applied.</summary>
    Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth, CancellationToken cancellationToken = default);

    /// <summary>The products with these keys that this shard holds, with their titles highlighted for the query.</summary>
    Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// The facets the request asks for (only <paramref name="facet"/> when given), counted over <paramref name="keys"/>:
    /// the products of the result set that this shard holds, in result order. The coordinator adds the shards' tallies up.
    /// A shard that does not implement it refuses (and so do faceted searches through it).
    /// </summary>
    /// <exception cref="ArgumentException">A facet does not fit the index (an unknown or unfacetable field...); the message names it.</exception>
    Task<IReadOnlyList<ShardFacetTally>> CountFacetsAsync(ShardQuery query, IReadOnlyList<long> keys, string? facet = null, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<ShardFacetTally>>(new NotSupportedException($"{GetType().Name} does not count facets."));

    /// <summary>
    /// The merchandising rules of this shard's commit that match the query, with which of <paramref name="window"/> (the
    /// keys of this shard among the candidates the rules' boosts and buries reach) meet their conditions, and the keys
    /// of the products they pin or hide that this shard holds. A shard that does not implement it refuses (and so do
    /// searches that rules match through it).
    /// </summary>
    Task<IReadOnlyList<ShardRuleFacts>> MerchandiseAsync(ShardQuery query, IReadOnlyList<long> window, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<ShardRuleFacts>>(new NotSupportedException($"{GetType().Name} does not apply merchandising rules."));

    /// <summary>
    /// The values of the request's sort field (<see cref="SearchRequest.Sort"/>) of the products with these keys, which
    /// this shard holds, in the keys' order (NaN for a product without one): a column read, for the coordinator to sort by.
    /// A shard that does not implement it refuses (and so do sorted searches through it).
    /// </summary>
    /// <exception cref="ArgumentException">The request does not sort, or its sort field does not fit the index; the message names it.</exception>
    Task<IReadOnlyList<double>> SortValuesAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<double>>(new NotSupportedException($"{GetType().Name} does not read sort values."));

    /// <summary>
    /// The first <paramref name="limit"/> brand names (as kept: trimmed, lowercase) of this shard's commit that begin with
    /// <paramref name="prefix"/>, in term order, with how many of its products hold each. A shard that does not implement
    /// it refuses (and so do suggestions through it).
    /// </summary>
    Task<IReadOnlyList<WordCount>> BrandsStartingWithAsync(string prefix, int limit, long clusterGeneration, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<WordCount>>(new NotSupportedException($"{GetType().Name} does not list brands."));

    /// <summary>
    /// This shard's first-level categories with its product counts (the coordinator adds the shards' up). A shard that
    /// does not implement it refuses.
    /// </summary>
    Task<IReadOnlyList<CategoryCount>> TopLevelCategoriesAsync(long clusterGeneration, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<CategoryCount>>(new NotSupportedException($"{GetType().Name} does not count categories."));

    /// <summary>
    /// The product with catalog id <paramref name="productId"/> (compared exactly) if this shard holds it, else <c>null</c>.
    /// A shard that does not implement it refuses.
    /// </summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="SearchEngine.MaxProductIdLength"/>.</exception>
    Task<Product?> ProductAsync(string productId, long clusterGeneration, CancellationToken cancellationToken = default) =>
        Task.FromException<Product?>(new NotSupportedException($"{GetType().Name} does not read products."));

    /// <summary>The schema of this shard's commit. A shard that does not implement it refuses.</summary>
    Task<IndexSchema> SchemaAsync(long clusterGeneration, CancellationToken cancellationToken = default) =>
        Task.FromException<IndexSchema>(new NotSupportedException($"{GetType().Name} does not read its schema."));
}
