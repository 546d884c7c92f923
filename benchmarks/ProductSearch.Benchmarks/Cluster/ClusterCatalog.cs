using System.Diagnostics;
using ProductSearch.Catalog;
using ProductSearch.Cluster;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>The catalog as one index (the one node) and as a sharded index (the cluster folder), written the same way with the same model.</summary>
internal static class ClusterCatalog
{
    public static (double SingleSeconds, double ClusterSeconds, int Products) Build(string catalog, string single, string cluster, int shards, string model)
    {
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = ComputeDevice.Cpu });
        var products = JsonlCatalogReader.Read(catalog, new CatalogReadReport { Path = catalog }).ToArray();
        var clock = Stopwatch.StartNew();
        using (var writer = IndexWriter.Open(single, new SharedEmbedder(embedder), model))
            writer.Write(products, new CatalogReadReport { Path = catalog }, SyncMode.Mirror);
        var singleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using (var writer = ShardedIndexWriter.Open(cluster, shards, new SharedEmbedder(embedder), model))
            writer.Write(products, new CatalogReadReport { Path = catalog }, SyncMode.Mirror);
        return (singleSeconds, clock.Elapsed.TotalSeconds, products.Length);
    }
}
