using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch info</c> for a sharded index: its shard count, routing and model, the cluster generation searches
/// read, and each shard's commit in it (with a shard whose own manifest is ahead of it: a write that never became visible).
/// </summary>
internal static class ShardedInfo
{
    public static int Write(ShardedIndexLayout layout, bool json)
    {
        var manifest = layout.ReadManifest();
        var generations = layout.ReadGenerations();
        var shards = generations.Shards.Select((visible, shard) =>
        {
            var own = new IndexLayout(layout.ShardFolder(shard));
            var ownGeneration = own.HasManifest ? own.ReadManifest().Generation : (long?)null;
            return (Shard: shard, Folder: own.Root, visible.Generation, OwnGeneration: ownGeneration, visible.ProductCount);
        }).ToArray();
        if (json)
        {
            CliJson.Write(Console.Out, new
            {
                index = layout.Root,
                sharded = true,
                shard_count = manifest.ShardCount,
                routing = manifest.Routing,
                model = new { name = manifest.Model.Name, source = manifest.Model.Source, dimensions = manifest.Model.Dimensions, sha256 = manifest.Model.Sha256 },
                cluster_generation = generations.Generation,
                products = shards.Sum(s => s.ProductCount),
                shards = shards.Select(s => new { shard = s.Shard, folder = s.Folder, generation = s.Generation, own_generation = s.OwnGeneration, products = s.ProductCount }),
            });
            return 0;
        }
        Console.WriteLine($"index       {layout.Root} (sharded)");
        Console.WriteLine($"shards      {manifest.ShardCount}, routed by {manifest.Routing}");
        Console.WriteLine($"model       {manifest.Model.Name} ({manifest.Model.Source}), {manifest.Model.Dimensions}-d, sha256 {manifest.Model.Sha256}");
        Console.WriteLine($"generation  {generations.Generation} (cluster)");
        Console.WriteLine($"products    {shards.Sum(s => s.ProductCount):N0}");
        foreach (var s in shards)
        {
            var ahead = s.OwnGeneration is { } own && own != s.Generation ? $" (its own manifest names generation {own}, which the cluster never made visible)" : "";
            Console.WriteLine($"  shard {s.Shard,3}  generation {s.Generation}, {s.ProductCount:N0} products{ahead}");
        }
        return 0;
    }
}
