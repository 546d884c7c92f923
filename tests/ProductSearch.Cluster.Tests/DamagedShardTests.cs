using ProductSearch.Indexing;

namespace ProductSearch.Cluster.Tests;

/// <summary>A cluster one of whose shard folders lost its manifest before the silos started.</summary>
public sealed class DamagedShardFixture : ClusterFixture
{
    public const int DamagedShard = 2;

    public override int Silos => 2;

    protected override bool ExpectFullReplication => false;

    protected override void Prepare() => File.Delete(new IndexLayout(ShardFolders.Of(ClusterPath, DamagedShard)).ManifestPath);
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
        Assert.Null(damaged.Generation);
        Assert.Contains("manifest", damaged.Problem);
        Assert.All(health.Shards.Where(s => s.Shard != DamagedShardFixture.DamagedShard), s => Assert.True(s.IsAvailable));
    }

    [Fact]
    public async Task A_read_from_the_damaged_shard_is_refused_naming_it_and_other_shards_answer()
    {
        var ids = ShardedCatalog.Products(fixture.ProductCount).Select(p => p.Id).ToArray();
        var onDamaged = ids.First(id => ShardRouting.ShardOf(id, ClusterFixture.ShardCount) == DamagedShardFixture.DamagedShard);
        var elsewhere = ids.First(id => ShardRouting.ShardOf(id, ClusterFixture.ShardCount) != DamagedShardFixture.DamagedShard);

        var error = await Assert.ThrowsAsync<ShardUnavailableException>(() => fixture.Client.GetProductAsync(onDamaged));

        Assert.Equal([DamagedShardFixture.DamagedShard], error.Shards);
        Assert.Contains($"shard {DamagedShardFixture.DamagedShard}:", error.Message);
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
        Assert.NotNull(await fixture.Client.GetProductAsync(elsewhere));
    }
}
