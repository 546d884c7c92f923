using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductSearch;
using ProductSearch.Catalog;
using ProductSearch.Cluster;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ClusterSilo;

/// <summary>The sample's two helpers beside the silo: writing a catalog as a sharded index, and asking a running cluster.</summary>
internal static class ClusterCommands
{
    /// <summary><c>index CATALOG --cluster DIR --shards N [--model M]</c>: the catalog as a sharded index (the cluster folder).</summary>
    public static int Index(string catalog, string cluster, int shards, string model)
    {
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = ComputeDevice.Cpu });
        using var writer = ShardedIndexWriter.Open(cluster, shards, embedder, model);
        var report = writer.Write(JsonlCatalogReader.Read(catalog, new CatalogReadReport { Path = catalog }), new CatalogReadReport { Path = catalog }, SyncMode.Mirror);
        Console.WriteLine($"{report.ProductCount} products in {shards} shards at '{cluster}', cluster generation {report.Generations.Generation}");
        return 0;
    }

    /// <summary><c>search "QUERY" [--gateways 127.0.0.1:30000,…]</c>: the cluster's health, then its top 10 for the query.</summary>
    public static async Task<int> SearchAsync(string query, IReadOnlyList<string> gateways)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddProductSearchCluster(o => o.Gateways = gateways.ToList());
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<ProductSearchClusterClient>();
        var health = await client.GetHealthAsync();
        Console.WriteLine($"cluster generation {health.Generation}, {health.ActiveSilos} silos, {health.Shards.Count} shards × {health.ReplicaCount} replicas");
        foreach (var shard in health.Shards)
            Console.WriteLine($"  shard {shard.Shard}: generation {shard.Generation}, {shard.Products} products, {health.LiveReplicas(shard.Shard)} live replicas" +
                              (shard.Problem is null ? "" : $" — {shard.Problem}"));
        var answer = await client.SearchAsync(new SearchRequest { Query = query, K = 10 });
        foreach (var hit in answer.Response.Hits) Console.WriteLine($"{hit.Rank,3}  {hit.Score:F4}  {hit.Product.Id}  {hit.Product.Title}");
        await host.StopAsync();
        return 0;
    }
}
