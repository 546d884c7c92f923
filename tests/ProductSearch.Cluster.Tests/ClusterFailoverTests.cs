using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>A live 3-silo cluster: placement, reads equal to one node, a silo killed and restarted, writes.</summary>
public sealed class ClusterFailoverTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Every_shard_has_two_warm_replicas_on_distinct_silos_at_its_committed_generation()
    {
        var health = await fixture.Client.GetHealthAsync();

        Assert.Equal(ClusterFixture.ShardCount, health.Shards.Count);
        Assert.True(health.IsAvailable);
        foreach (var shard in health.Shards)
        {
            Assert.Null(shard.Problem);
            Assert.Equal(2, shard.LiveReplicas);
            Assert.Equal(2, shard.Replicas.Select(r => r.Silo).Distinct().Count());
            Assert.All(shard.Replicas, r => Assert.Equal(shard.Generation, r.Generation));
        }
    }

    [Fact]
    public async Task Reads_equal_one_node_and_keep_answering_while_a_silo_is_killed_and_restarted()
    {
        using var single = TinyIndex.Open(fixture.SinglePath);
        var ids = ShardedCatalog.Products(fixture.ProductCount).Select(p => p.Id).ToArray();
        await AssertSameProducts(single, ids);

        // The victim: the silo serving the most shards (never the first, which the test cluster's client first connects to).
        var victim = fixture.Cluster.Silos.Skip(1).MaxBy(s => Host(s).WarmReplicas().Count)!;
        Assert.NotEmpty(Host(victim).WarmReplicas());
        // Before the kill, each shard is already warm on a silo that survives it: no read has to wait for a copy.
        var survivors = fixture.Cluster.Silos.Where(s => s != victim).ToArray();
        var warmOnSurvivors = survivors.SelectMany(s => Host(s).WarmReplicas())
            .Select(r => r.Shard).Distinct().Order();
        Assert.Equal(Enumerable.Range(0, ClusterFixture.ShardCount), warmOnSurvivors);
        await fixture.Cluster.KillSiloAsync(victim);
        // R = 2: every shard still has a replica on a live silo, so no read fails while membership notices the death.
        var failures = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var id in ids)
            {
                try { Assert.NotNull(await fixture.Client.GetProductAsync(id)); }
                catch (ShardUnavailableException) { failures++; }
            }
        }
        Assert.Equal(0, failures);
        await AssertSameProducts(single, ids);
        // The dead silo's replicas are copied to the survivors: R comes back with two silos.
        await ClusterWait.UntilAsync(async () => (await fixture.Client.GetHealthAsync()) is { ActiveSilos: 2, IsFullyReplicated: true },
            TimeSpan.FromSeconds(30), "two replicas per shard on the two survivors");

        await fixture.Cluster.RestartSiloAsync(victim);
        await ClusterWait.UntilAsync(async () => (await fixture.Client.GetHealthAsync()) is { ActiveSilos: 3, IsFullyReplicated: true },
            TimeSpan.FromSeconds(30), "the restarted silo to rejoin");
        await AssertSameProducts(single, ids);
    }

    [Fact]
    public async Task Writes_go_to_their_shard_and_are_visible_when_acknowledged()
    {
        var before = await fixture.Client.GetHealthAsync();
        var added = new Product { Id = "cluster-new-1", Title = "violet kayak paddle", Brand = "Paddler", Price = 42 };

        var report = await fixture.Client.UpsertAsync([added]);

        var shard = Assert.Single(report.Generations).Key;
        Assert.Equal(ShardRouting.ShardOf(added.Id, ClusterFixture.ShardCount), shard);
        Assert.True(report.Generations[shard] > before.Shards[shard].Generation);
        Assert.Equal("violet kayak paddle", (await fixture.Client.GetProductAsync(added.Id))?.Title);
        var after = await fixture.Client.GetHealthAsync();
        Assert.Equal(report.Generations[shard], after.Shards[shard].Generation);
        Assert.All(after.Shards.Where(s => s.Shard != shard), s => Assert.Equal(before.Shards[s.Shard].Generation, s.Generation));

        await fixture.Client.DeleteAsync([added.Id]);
        Assert.Null(await fixture.Client.GetProductAsync(added.Id));
    }

    [Fact]
    public async Task A_product_without_an_id_is_refused_before_anything_is_written()
    {
        var before = await fixture.Client.GetHealthAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.UpsertAsync([new Product { Id = " ", Title = "nameless" }]));

        Assert.Equal("products", error.ParamName);
        Assert.Equal(before.Shards.Select(s => s.Generation), (await fixture.Client.GetHealthAsync()).Shards.Select(s => s.Generation));
    }

    private ShardHost Host(Orleans.TestingHost.InProcessSiloHandle silo) => fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<ShardHost>();

    private async Task AssertSameProducts(SearchEngine single, IEnumerable<string> ids)
    {
        foreach (var id in ids)
            Assert.Equal(JsonSerializer.Serialize(single.GetProduct(id)), JsonSerializer.Serialize(await fixture.Client.GetProductAsync(id)));
    }
}
