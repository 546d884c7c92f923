using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductSearch.Catalog;
using ProductSearch.Cluster;
using ProductSearch.Sharding;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// A cluster of silo processes on loopback over the ESCI sample's cluster folder (built once per shard count into
/// benchmarks/out/, then reused), a client connected to it, and the one-node index to compare with.
/// </summary>
internal sealed class ClusterRun : IDisposable
{
    private const string Model = "arctic-xs";

    private readonly IHost _client;
    private readonly string _replicas;
    private readonly string[] _ids;
    private readonly IReadOnlyList<string> _queries = BenchmarkPaths.EsciQueries();

    private readonly string _clusterPath;

    private ClusterRun(SiloProcesses silos, IHost client, string replicas, string single, string cluster, string[] ids)
    {
        _clusterPath = cluster;
        Silos = silos;
        _client = client;
        _replicas = replicas;
        SinglePath = single;
        _ids = ids;
        Client = client.Services.GetRequiredService<ProductSearchClusterClient>();
    }

    public SiloProcesses Silos { get; }

    public ProductSearchClusterClient Client { get; }

    public string SinglePath { get; }

    public int Products => _ids.Length;

    public string Workload => $"hybrid search k=10 (default profile: convex fusion; dense through HNSW), the {_queries.Count} ESCI queries in turn";

    /// <param name="shards">Shards of the cluster folder.</param>
    /// <param name="silos">Silo processes the run has room for.</param>
    /// <param name="log">Whether to print what it does.</param>
    /// <param name="postgres">A PostgreSQL membership table's connection string, or <c>null</c> for localhost clustering.</param>
    /// <param name="running">How many of them to start now (all by default); the client's gateways are theirs.</param>
    /// <param name="scratch">Serve a copy of the built cluster folder (a run that writes), removed with the run.</param>
    public static async Task<ClusterRun> StartAsync(int shards, int silos, bool log, string? postgres = null, int? running = null, bool scratch = false)
    {
        var built = Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", $"cluster-esci-sharded-{shards}");
        var single = Path.Combine(built, "single");
        var cluster = Path.Combine(built, "cluster");
        var catalog = Path.Combine(BenchmarkPaths.EsciDirectory, "products.jsonl");
        if (!File.Exists(new ShardedIndexLayout(cluster).GenerationsPath) || !File.Exists(Path.Combine(single, "manifest.json")))
        {
            if (Directory.Exists(built)) Directory.Delete(built, recursive: true);
            var (singleSeconds, clusterSeconds, products) = ClusterCatalog.Build(catalog, single, cluster, shards, Model);
            if (log) Console.WriteLine($"built {products} products: one index in {singleSeconds:F0} s, {shards} shards in {clusterSeconds:F0} s");
        }
        var ids = JsonlCatalogReader.Read(catalog, new CatalogReadReport { Path = catalog }).Select(p => p.Id).ToArray();

        var replicas = Path.Combine(Path.GetTempPath(), "productsearch-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        if (scratch) cluster = CopyFolder(cluster, Path.Combine(replicas, "cluster"));
        var started = running ?? silos;
        var processes = new SiloProcesses(cluster, replicas, silos, postgres);
        try
        {
            var clock = Stopwatch.StartNew();
            await processes.StartAsync(0, TimeSpan.FromSeconds(60));
            await Task.WhenAll(Enumerable.Range(1, started - 1).Select(i => processes.StartAsync(i, TimeSpan.FromSeconds(60))));
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.AddProductSearchCluster(o => o.Gateways = processes.Gateways.Take(started).ToList());
            var client = builder.Build();
            await client.StartAsync();
            var run = new ClusterRun(processes, client, replicas, single, cluster, ids);
            await run.WaitAsync(h => h.ActiveSilos == started && h.IsFullyReplicated, TimeSpan.FromSeconds(120));
            if (log) Console.WriteLine($"{started} silos up and fully replicated in {clock.Elapsed.TotalSeconds:F1} s");
            return run;
        }
        catch
        {
            processes.Dispose();
            throw;
        }
    }

    /// <summary>The cluster folder the silos serve (a scratch copy for a run that writes).</summary>
    public string ClusterPath => _clusterPath;

    /// <summary>Silo <paramref name="index"/>'s folder of replica copies.</summary>
    public string ReplicaPath(int index) => Path.Combine(_replicas, "silo" + index);

    private static string CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return to;
    }

    /// <summary>One request of the load: the next ESCI query, hybrid.</summary>
    public Task Request(int i) => Request(i, null);

    public Task Request(int i, ClusterRequestOptions? options) => Client.SearchAsync(new SearchRequest { Query = _queries[i % _queries.Count], K = 10 }, options);

    /// <summary>
    /// A filter passing the 1,990 ESCI products that have a price: few enough that one index and every shard search the
    /// dense side exactly (at most 2,000 passing in a catalog this size), not through their different HNSW graphs.
    /// </summary>
    private static readonly SearchFilters Everything = new() { Conditions = [SearchFilter.Parse("price>=0")] };

    /// <summary>
    /// The ESCI queries through the cluster against the one node, top 10 (products, ranks, scores to the bit, totals):
    /// hybrid (convex, the default, and RRF) and dense alone with exact dense search, BM25 alone, and hybrid through the HNSW graphs (which differ between one index
    /// and its shards, so equality there is not expected); plus every product read by id.
    /// </summary>
    public async Task<Equality> CompareWithOneNodeAsync()
    {
        // Not a latency measure: a cold first query (JIT on every silo, on a shared 2-core machine) may take seconds.
        var patient = new ClusterRequestOptions { Budget = TimeSpan.FromSeconds(60), ResendAfter = TimeSpan.FromSeconds(20) };
        using var single = SearchEngine.Open(new SearchEngineOptions { IndexPath = SinglePath, Device = Embedding.ComputeDevice.Cpu, ResultCacheSize = 0 });
        // The same sharded index searched in this process (no Orleans): what the cluster must equal whatever one node gives.
        using var inProcess = ShardedSearchEngine.Open(_clusterPath, Embedding.OnnxSentenceEmbedder.Create(new Embedding.EmbedderOptions { Model = Model, Device = Embedding.ComputeDevice.Cpu }));
        string? firstDifference = null;
        async Task<(int OneNode, int InProcess)> EqualAsync(Func<string, SearchRequest> request)
        {
            var (equal, same) = (0, 0);
            foreach (var query in _queries)
            {
                var expected = await single.SearchAsync(request(query));
                var local = await inProcess.SearchAsync(request(query));
                var actual = (await Client.SearchAsync(request(query), patient)).Response;
                var difference = AnswerComparison.FirstDifference(expected, actual, top: 10);
                if (difference is null) equal++;
                else firstDifference ??= $"{request(query).Mode} '{query}': {difference}";
                if (AnswerComparison.FirstDifference(local, actual, top: 10) is null) same++;
            }
            return (equal, same);
        }
        var hybrid = await EqualAsync(q => new SearchRequest { Query = q, K = 10, Filters = Everything });
        var rrf = await EqualAsync(q => new SearchRequest { Query = q, K = 10, Filters = Everything, Ranking = Ranking.RankingProfile.Default with { Method = Ranking.FusionMethod.Rrf } });
        var bm25 = await EqualAsync(q => new SearchRequest { Query = q, K = 10, Mode = SearchMode.Bm25 });
        var dense = await EqualAsync(q => new SearchRequest { Query = q, K = 10, Mode = SearchMode.Dense, Filters = Everything });
        var hnsw = await EqualAsync(q => new SearchRequest { Query = q, K = 10 });
        var products = 0;
        foreach (var id in _ids)
            if (JsonSerializer.Serialize(single.GetProduct(id)) == JsonSerializer.Serialize(await Client.GetProductAsync(id, patient))) products++;
        return new Equality(_queries.Count, hybrid, rrf, bm25, dense, hnsw, _ids.Length, products, firstDifference);
    }

    public async Task WaitAsync(Func<ClusterHealth, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (condition(await Client.GetHealthAsync())) return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The cluster did not settle within {timeout.TotalSeconds:0} s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Samples the cluster's health every 100 ms until <paramref name="limit"/>.</summary>
    public HealthTimeline PollHealth(Stopwatch clock, TimeSpan limit) => new(Client, clock, limit);

    public void Dispose()
    {
        _client.StopAsync().GetAwaiter().GetResult();
        _client.Dispose();
        Silos.Dispose();
        try { Directory.Delete(_replicas, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>How many answers of the cluster equal the one node's.</summary>
/// <remarks>Each count pairs the one node's equality with the in-process sharded engine's (the cluster's transport alone).</remarks>
internal sealed record Equality(int Queries, (int OneNode, int InProcess) HybridExact, (int OneNode, int InProcess) RrfExact, (int OneNode, int InProcess) Bm25, (int OneNode, int InProcess) DenseExact,
    (int OneNode, int InProcess) HybridHnsw, int Products, int ProductsEqual, string? FirstDifference);

/// <summary>The cluster's health sampled over time.</summary>
internal sealed class HealthTimeline
{
    private readonly ConcurrentQueue<(double Seconds, ClusterHealth Health)> _samples = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _polling;

    public HealthTimeline(ProductSearchClusterClient client, Stopwatch clock, TimeSpan limit)
    {
        _stop = new CancellationTokenSource(limit);
        _polling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var health = await client.GetHealthAsync(_stop.Token);
                    _samples.Enqueue((clock.Elapsed.TotalSeconds, health)); // when the answer came: a health call waits for replicas that are opening
                }
                catch (Exception ex) when (ex is not OutOfMemoryException) { }
                try { await Task.Delay(100, _stop.Token); }
                catch (OperationCanceledException) { }
            }
        });
    }

    /// <summary>Waits until a sample meets <paramref name="condition"/> (or the limit passes), stops, and returns every sample.</summary>
    public async Task<IReadOnlyList<(double Seconds, ClusterHealth Health)>> WaitUntilAsync(Func<ClusterHealth, bool> condition)
    {
        while (!_stop.IsCancellationRequested && !_samples.Any(s => condition(s.Health))) await Task.Delay(100);
        await _stop.CancelAsync();
        await _polling;
        return _samples.ToArray();
    }
}
