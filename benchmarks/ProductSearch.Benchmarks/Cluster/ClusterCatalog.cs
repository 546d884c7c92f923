using System.Diagnostics;
using ProductSearch.Catalog;
using ProductSearch.Cluster;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>The catalog as one index (the one node) and as a cluster folder of shards, built with the same model.</summary>
internal static class ClusterCatalog
{
    public static async Task<(double SingleSeconds, double ClusterSeconds, int Products)> BuildAsync(string catalog, string single, string cluster, int shards, string model)
    {
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = ComputeDevice.Cpu });
        var clock = Stopwatch.StartNew();
        var report = await new IndexBuilder(new SharedEmbedder(embedder), model).BuildAsync(catalog, single);
        var singleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var products = JsonlCatalogReader.Read(catalog, new CatalogReadReport { Path = catalog }).ToArray();
        for (var shard = 0; shard < shards; shard++)
        {
            var mine = products.Where(p => ShardRouting.ShardOf(p.Id, shards) == shard).ToArray();
            using var writer = IndexWriter.Open(ShardFolders.Of(cluster, shard), new SharedEmbedder(embedder), model);
            writer.Write(mine, new CatalogReadReport { Path = catalog }, SyncMode.Mirror);
        }
        return (singleSeconds, clock.Elapsed.TotalSeconds, (int)report.Manifest.ProductCount);
    }
}
