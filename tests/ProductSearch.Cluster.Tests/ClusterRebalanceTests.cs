using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>
/// Two silos (R = 2: each serves every shard), and a third started by the test whose copies cannot be made at first: a
/// file stands where its shard folders go, as a slow disk or a long copy would keep them from it, for longer than the
/// old fixed 5 s wait before the old silos let go of the shards that move.
/// </summary>
public sealed class JoiningSiloFixture : ClusterFixture
{
    private readonly ConcurrentDictionary<string, byte> _named = new();

    public override int Silos => 2;

    /// <summary>The folders the late silo's shard copies would go to, blocked while they exist as files.</summary>
    public ConcurrentBag<string> Blockers { get; } = [];

    protected override string ReplicaPath(string siloName)
    {
        var path = base.ReplicaPath(siloName);
        // Silos named after the first two are the ones the test starts: their shard folders are blocked.
        if (_named.TryAdd(siloName, 0) && _named.Count > Silos)
        {
            Directory.CreateDirectory(path);
            foreach (var shard in Enumerable.Range(0, ShardCount))
            {
                var blocker = new ShardedIndexLayout(path).ShardFolder(shard);
                File.WriteAllText(blocker, "not a folder");
                Blockers.Add(blocker);
            }
        }
        return path;
    }
}

public sealed class ClusterRebalanceTests(JoiningSiloFixture fixture) : IClassFixture<JoiningSiloFixture>
{
    [Fact]
    public async Task A_joining_silo_takes_its_shards_with_no_failed_search_and_never_fewer_than_R_warm_replicas()
    {
        using var single = TinyIndex.Serve(fixture.SinglePath + "-served", ShardedCatalog.Products(fixture.ProductCount));
        using var stop = new CancellationTokenSource();
        var fewest = ClusterFixture.ReplicaCount;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var warm = fixture.Cluster.GetActiveSilos().Select(s => fixture.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ShardHost>()).ToArray();
                fewest = Math.Min(fewest, Enumerable.Range(0, ClusterFixture.ShardCount).Min(shard => warm.Count(h => h.Warm(shard) is not null)));
                await Task.Delay(5);
            }
        });
        var (searches, failures) = (0, new ConcurrentBag<string>());
        var load = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            foreach (var request in ShardedCatalog.Requests().Take(6))
            {
                try { await fixture.Client.SearchAsync(request); }
                catch (ShardUnavailableException ex) { failures.Add(ex.Message); }
                Interlocked.Increment(ref searches);
            }
        })).ToArray();

        var joined = await fixture.Cluster.StartAdditionalSiloAsync();
        var host = fixture.Cluster.GetSiloServiceProvider(joined.SiloAddress).GetRequiredService<ShardHost>();
        // Longer than the old silos used to wait before releasing: with the copies blocked, a timed release would leave one replica.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Empty(host.WarmReplicas());
        foreach (var blocker in fixture.Blockers) File.Delete(blocker);
        await ClusterWait.UntilAsync(async () => (await fixture.Client.GetHealthAsync()) is { ActiveSilos: 3, IsFullyReplicated: true }
                                                 && fixture.HeldReplicas() == ClusterFixture.ShardCount * ClusterFixture.ReplicaCount,
            TimeSpan.FromSeconds(30), "the new silo warm on its shards and the old silos' copies of them released");
        await stop.CancelAsync();
        await Task.WhenAll(load.Append(sampling));

        Assert.NotEmpty(host.WarmReplicas());
        Assert.True(searches > 0);
        Assert.Empty(failures);
        Assert.Equal(ClusterFixture.ReplicaCount, fewest);
        foreach (var request in ShardedCatalog.Requests().Take(6))
            Assert.Null(AnswerComparison.FirstDifference(await single.SearchAsync(request), (await fixture.Client.SearchAsync(request)).Response));
    }

    [Fact]
    public async Task A_replica_opened_on_a_newer_cluster_generation_moves_the_product_reads_of_the_shards_already_served_too()
    {
        var silo = fixture.Cluster.Silos[0];
        var host = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<ShardHost>();
        var router = new ShardRouter(ClusterFixture.ShardCount);
        var (reopened, served) = (0, 1);
        var id = Enumerable.Range(0, 1000).Select(i => $"generation-moved-{i}").First(candidate => router.ShardOf(candidate) == served);
        Assert.NotNull(await host.EnsureAsync(served));
        host.Release(reopened);
        // A commit this silo is not told of (as when a copy to it is still on its way), then a replica opened here.
        using (var writer = ShardedIndexWriter.Open(fixture.ClusterPath, null, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write([new Product { Id = id, Title = "teal canoe seat" }], new CatalogReadReport { Path = "test" }, SyncMode.Upsert);
        try
        {
            await host.EnsureAsync(reopened);

            Assert.Equal("teal canoe seat", host.Warm(served)!.Engine.GetProduct(id)?.Title);
        }
        finally
        {
            await fixture.Client.DeleteAsync([id]);
        }
    }
}
