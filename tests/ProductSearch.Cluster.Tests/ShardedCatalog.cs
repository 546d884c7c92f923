using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>A cluster folder of hand-made products split over shards by <see cref="ShardRouting"/>, and the same products in one index (the one node to compare with).</summary>
internal static class ShardedCatalog
{
    public static Product[] Products(int count) => TinyIndex.Products(count);

    public static void Write(string clusterPath, string singlePath, IReadOnlyList<Product> products, int shards)
    {
        for (var shard = 0; shard < shards; shard++)
        {
            var mine = products.Where(p => ShardRouting.ShardOf(p.Id, shards) == shard).ToArray();
            TinyIndex.Write(ShardFolders.Of(clusterPath, shard), mine, SyncMode.Mirror);
        }
        TinyIndex.Write(singlePath, products, SyncMode.Mirror);
    }
}
