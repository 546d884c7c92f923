using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>
/// The core sharding tests' varied hand-made catalog (skewed word frequencies, many near-ties), written as a sharded
/// index by the core's sharded writer (the cluster folder) and as one index (the one node to compare with).
/// </summary>
internal static class ShardedCatalog
{
    public static Product[] Products(int count) => ShardedCatalogs.Demo(count);

    public static void Write(string clusterPath, string singlePath, IReadOnlyList<Product> products, int shards)
    {
        using (var writer = ShardedIndexWriter.Open(clusterPath, shards, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(products, new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        TinyIndex.Write(singlePath, products, SyncMode.Mirror);
    }

    /// <summary>
    /// A filter every product passes: the dense side then searches exactly (one index and every shard alike), not
    /// through HNSW graphs, which differ between one index and its shards (their recall is the benchmarks' business).
    /// </summary>
    public static readonly SearchFilters Everything = new() { Conditions = [SearchFilter.Parse("price>=0")] };

    /// <summary>Searches that reach every shard: both retrievers, the lexical and dense ones alone, three pages deep.</summary>
    public static IEnumerable<SearchRequest> Requests()
    {
        string[] queries = ["leather boots", "white shoes", "waterproof jacket", "kids sneakers", "cotton shirt womens", "stainless steel mug lid"];
        foreach (var query in queries)
        foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Bm25, SearchMode.Dense })
        foreach (var offset in new[] { 0, 10, 40 })
            yield return new SearchRequest { Query = query, Mode = mode, K = 10, Offset = offset, Filters = Everything };
    }
}
