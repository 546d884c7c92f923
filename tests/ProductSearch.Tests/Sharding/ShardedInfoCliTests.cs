using System.Text.Json;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary><c>productsearch info</c> on a sharded index: the cluster generation and each shard's commit in it.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ShardedInfoCliTests
{
    [Fact]
    public async Task Info_shows_the_cluster_generation_and_every_shards_commit()
    {
        using var temp = new TempFolder();
        using (var writer = ShardedIndexWriter.Open(temp.Path, 3, TinyIndex.Embedder, TinyIndex.ModelSource))
        {
            writer.Write(TinyIndex.Products(30), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
            writer.Delete(["t0"]);
        }

        var text = await CliRun.RunAsync("info", "--index", temp.Path);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("shards      3, routed by xxhash64-utf8", text.Output, StringComparison.Ordinal);
        Assert.Contains("generation  2 (cluster)", text.Output, StringComparison.Ordinal);
        Assert.Contains("products    29", text.Output, StringComparison.Ordinal);

        var json = await CliRun.RunAsync("info", "--index", temp.Path, "--json");
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("cluster_generation").GetInt64());
        var shards = root.GetProperty("shards").EnumerateArray().ToArray();
        Assert.Equal(3, shards.Length);
        var layout = new ShardedIndexLayout(temp.Path);
        for (var shard = 0; shard < 3; shard++)
            Assert.Equal(new IndexLayout(layout.ShardFolder(shard)).ReadManifest().Generation, shards[shard].GetProperty("generation").GetInt64());
        Assert.Equal(29, shards.Sum(s => s.GetProperty("products").GetInt64()));
    }
}
