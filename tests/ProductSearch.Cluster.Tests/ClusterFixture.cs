using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>
/// A live in-process Orleans cluster of <see cref="Silos"/> silos serving a cluster folder of <see cref="ShardCount"/>
/// shards with R = 2, each silo with its own replica folder, and the same catalog in one index to compare with.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const int ShardCount = 4;

    public virtual int Silos => 3;

    public virtual int ProductCount => 150;

    private readonly TempFolder _folder = new();

    public string ClusterPath => _folder.File("cluster");

    public string SinglePath => _folder.File("single");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ProductSearchClusterClient Client => Cluster.Client.ServiceProvider.GetRequiredService<ProductSearchClusterClient>();

    /// <summary>The folder of a silo's replica copies; called as each silo (one started later included) is configured.</summary>
    protected virtual string ReplicaPath(string siloName) => Path.Combine(_folder.Path, "replicas", siloName);

    /// <summary>Changes the cluster folder before the silos start (a damaged shard, say).</summary>
    protected virtual void Prepare() { }

    public async Task InitializeAsync()
    {
        ShardedCatalog.Write(ClusterPath, SinglePath, ShardedCatalog.Products(ProductCount), ShardCount);
        Prepare();
        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSilo((options, silo) => silo.AddProductSearchShards(o =>
        {
            o.ClusterPath = ClusterPath;
            o.ReplicaPath = ReplicaPath(options.SiloName);
            o.ReplicaCount = ReplicaCount;
        }));
        builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton<ITextEmbedder>(new HashingEmbedder()));
        builder.ConfigureClient(client => client.AddProductSearchCluster());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ClusterWait.UntilAsync(async () => (await Client.GetHealthAsync()).IsFullyReplicated || !ExpectFullReplication, TimeSpan.FromSeconds(30));
        if (ExpectFullReplication)
            await ClusterWait.UntilAsync(() => Task.FromResult(HeldReplicas() == ShardCount * ReplicaCount), TimeSpan.FromSeconds(30), "exactly R replicas per shard");
    }

    public const int ReplicaCount = 2;

    /// <summary>Replicas open on all silos together (more than S × R while placement settles, then exactly that).</summary>
    public int HeldReplicas() => Cluster.GetActiveSilos().Sum(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ShardHost>().Held.Count);

    protected virtual bool ExpectFullReplication => true;

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Polls a condition until it holds or a time passes (then fails the test, saying what was waited for).</summary>
internal static class ClusterWait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the cluster")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            await Task.Delay(100);
        }
    }
}
