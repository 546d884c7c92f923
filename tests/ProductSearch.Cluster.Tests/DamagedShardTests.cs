using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster.Tests;

/// <summary>A cluster one of whose shard folders lost its manifest before the silos started.</summary>
public sealed class DamagedShardFixture : ClusterFixture
{
    public const int DamagedShard = 2;

    public override int Silos => 2;

    protected override bool ExpectFullReplication => false;

    // The commit the cluster generation names for the shard is gone (a disk lost it): nothing can copy or serve it.
    protected override void Prepare()
    {
        var layout = new ShardedIndexLayout(ClusterPath);
        var committed = layout.ReadGenerations().Shards[DamagedShard];
        Directory.Delete(new IndexLayout(layout.ShardFolder(DamagedShard)).GenerationFolder(committed.Generation), recursive: true);
    }
}

public sealed class DamagedShardTests(DamagedShardFixture fixture) : IClassFixture<DamagedShardFixture>
{
    [Fact]
    public async Task Health_names_the_damaged_shard_and_the_others_stay_available()
    {
        var health = await fixture.Client.GetHealthAsync();

        Assert.False(health.IsAvailable);
        var damaged = health.Shards[DamagedShardFixture.DamagedShard];
        Assert.False(damaged.IsAvailable);
        Assert.Contains("generation folder", damaged.Problem);
        Assert.All(health.Shards.Where(s => s.Shard != DamagedShardFixture.DamagedShard), s => Assert.True(s.IsAvailable));
    }

    [Fact]
    public async Task A_read_from_the_damaged_shard_is_refused_naming_it_and_other_shards_answer()
    {
        var ids = ShardedCatalog.Products(fixture.ProductCount).Select(p => p.Id).ToArray();
        var router = new ShardRouter(ClusterFixture.ShardCount);
        var onDamaged = ids.First(id => router.ShardOf(id) == DamagedShardFixture.DamagedShard);
        var elsewhere = ids.First(id => router.ShardOf(id) != DamagedShardFixture.DamagedShard);

        var error = await Assert.ThrowsAsync<ShardUnavailableException>(() => fixture.Client.GetProductAsync(onDamaged));

        Assert.Equal([DamagedShardFixture.DamagedShard], error.Shards);
        Assert.Contains($"shard {DamagedShardFixture.DamagedShard}:", error.Message);
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
        Assert.NotNull(await fixture.Client.GetProductAsync(elsewhere));
    }

    [Fact]
    public async Task A_search_is_refused_naming_the_damaged_shard_unless_it_allows_partial_results()
    {
        var request = new SearchRequest { Query = "leather boots", K = 10 };

        var error = await Assert.ThrowsAsync<ShardUnavailableException>(() => fixture.Client.SearchAsync(request));
        Assert.Equal([DamagedShardFixture.DamagedShard], error.Shards);
        Assert.Contains($"shard {DamagedShardFixture.DamagedShard}:", error.Message);

        var partial = await fixture.Client.SearchAsync(request, new ClusterRequestOptions { AllowPartialResults = true });
        Assert.Equal([DamagedShardFixture.DamagedShard], partial.MissingShards);
        Assert.NotEmpty(partial.Response.Hits);
        var router = new ShardRouter(ClusterFixture.ShardCount);
        Assert.All(partial.Response.Hits, hit => Assert.NotEqual(DamagedShardFixture.DamagedShard, router.ShardOf(hit.Product.Id)));
    }

    [Fact]
    public async Task Suggestions_departments_and_the_schema_are_refused_naming_the_damaged_shard()
    {
        foreach (var ask in new Func<Task>[] { () => fixture.Client.SuggestAsync("leather bo"), () => fixture.Client.GetTopLevelCategoriesAsync(), () => fixture.Client.GetSchemaAsync() })
        {
            var error = await Assert.ThrowsAsync<ShardUnavailableException>(ask);
            Assert.Equal([DamagedShardFixture.DamagedShard], error.Shards);
            Assert.Contains($"shard {DamagedShardFixture.DamagedShard}:", error.Message);
        }

        // Suggestions and departments may come from the shards that answer, when the request allows it; the schema may not.
        var partial = new ClusterRequestOptions { AllowPartialResults = true };
        Assert.NotEmpty(await fixture.Client.SuggestAsync("leather bo", 5, partial));
        Assert.NotEmpty(await fixture.Client.GetTopLevelCategoriesAsync(partial));
        await Assert.ThrowsAsync<ShardUnavailableException>(() => fixture.Client.GetSchemaAsync(partial));
    }
}
