using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.Embedding;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>
/// The open replicas of one silo, by shard: a singleton of the silo, so a grain that is deactivated and activated
/// again (or activated on another call) finds the same open engine. Opening a replica is done once per shard at a
/// time; a replica that failed to open is tried again on the next request for it.
/// </summary>
internal sealed class ShardHost : IDisposable
{
    private readonly ProductSearchSiloOptions _options;
    private readonly Lazy<ITextEmbedder> _embedder;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, Lazy<Task<ShardReplica>>> _replicas = new();
    private readonly ConcurrentDictionary<int, string> _failures = new();
    private readonly CancellationTokenSource _stopping = new();
    // One copy at a time into the silo's folder: its generations.json covers every shard it holds.
    private readonly SemaphoreSlim _copying = new(1, 1);
    private readonly Lazy<ClusterManifest> _manifest;

    public ShardHost(IOptions<ProductSearchSiloOptions> options, ClusterEmbedder embedder, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _options.Validate();
        _embedder = embedder.Model;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ShardHost>();
        Directory.CreateDirectory(_options.ReplicaPath);
        Layout = new ShardedIndexLayout(_options.ClusterPath);
        _manifest = new Lazy<ClusterManifest>(Layout.ReadManifest);
    }

    /// <summary>The cluster folder (the sharded index the writer commits to).</summary>
    public ShardedIndexLayout Layout { get; }

    /// <summary>How products are routed to shards.</summary>
    public ShardRouter Router => new(ShardCount);

    /// <summary>
    /// What this silo's coordinators remember between requests (summed BM25 statistics, the merged schema): one per
    /// silo, because the coordinator grain builds a coordinator per request.
    /// </summary>
    public ShardCoordinatorCache CoordinatorCache { get; } = new();

    public ProductSearchSiloOptions Options => _options;

    /// <summary>How many shards the cluster folder holds.</summary>
    /// <exception cref="Indexing.IndexException">The cluster folder holds no sharded index.</exception>
    public int ShardCount => _manifest.Value.ShardCount;

    /// <summary>The replica of <paramref name="shard"/> if it is open and warm.</summary>
    public ShardReplica? Warm(int shard) =>
        _replicas.TryGetValue(shard, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result : null;

    /// <summary>Opens (copying first if needed) and warms this silo's replica of <paramref name="shard"/>.</summary>
    public Task<ShardReplica> EnsureAsync(int shard)
    {
        var lazy = _replicas.GetOrAdd(shard, s => new Lazy<Task<ShardReplica>>(() => Task.Run(() => Open(s))));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _replicas.TryRemove(new KeyValuePair<int, Lazy<Task<ShardReplica>>>(shard, lazy));
        return task;
    }

    /// <summary>
    /// Stops serving <paramref name="shard"/> here (placement moved it): it is no longer found at once, and its engine
    /// is closed a while later, after the queries already running on it have finished.
    /// </summary>
    public void Release(int shard)
    {
        if (!_replicas.TryRemove(shard, out var lazy) || !lazy.IsValueCreated) return;
        _ = lazy.Value.ContinueWith(async opened =>
        {
            if (!opened.IsCompletedSuccessfully) return;
            await Task.Delay(InFlightGrace);
            opened.Result.Dispose();
        }, TaskScheduler.Default);
    }

    /// <summary>The shards this silo has open or is opening.</summary>
    public IReadOnlyCollection<int> Held => _replicas.Keys.ToArray();

    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Brings the silo's copy to the cluster's generation now (at least <paramref name="clusterGeneration"/>), for every
    /// shard held here, and moves the product engines to it.
    /// </summary>
    /// <returns>The cluster generation the copy holds afterwards.</returns>
    public async Task<long> CatchUpAsync(long clusterGeneration)
    {
        if (ReplicaFolder.Generation(_options.ReplicaPath) is { } held && held >= clusterGeneration) return held;
        await _copying.WaitAsync(_stopping.Token);
        try
        {
            if (ReplicaFolder.Generation(_options.ReplicaPath) is { } now && now >= clusterGeneration) return now;
            var shards = _replicas.Keys.ToArray();
            var (generation, failures) = await Task.Run(() => ReplicaFolder.CatchUp(_options.ClusterPath, _options.ReplicaPath, shards, _stopping.Token));
            foreach (var (shard, failure) in failures)
            {
                _failures[shard] = failure.Message;
                ClusterLog.ReplicaFailed(_logger, shard, failure.Message);
            }
            foreach (var replica in WarmReplicas()) replica.Refresh();
            return generation;
        }
        finally
        {
            _copying.Release();
        }
    }

    /// <summary>What went wrong the last time <paramref name="shard"/> failed to open here, if it did.</summary>
    public string? Failure(int shard) => _failures.TryGetValue(shard, out var reason) ? reason : null;

    /// <summary>The shards this silo serves now, with their generations.</summary>
    public IReadOnlyList<ShardReplica> WarmReplicas() =>
        _replicas.Keys.Order().Select(Warm).OfType<ShardReplica>().ToArray();

    private ShardReplica Open(int shard)
    {
        try
        {
            _copying.Wait(_stopping.Token);
            try
            {
                // Every shard held here, this one included (it is in the dictionary already), at the cluster's generation now.
                var (_, failures) = ReplicaFolder.CatchUp(_options.ClusterPath, _options.ReplicaPath, _replicas.Keys.ToArray(), _stopping.Token);
                // The copy may have moved to a newer cluster generation for the shards already served here too: their
                // product engines follow, or reads by id would answer from the generation before (found by cluster-crash).
                foreach (var served in WarmReplicas()) served.Refresh();
                if (failures.TryGetValue(shard, out var failure)) throw failure;
            }
            finally
            {
                _copying.Release();
            }
            var replica = ShardReplica.Open(shard, _options.ReplicaPath, _embedder.Value, _loggerFactory, _stopping.Token);
            _failures.TryRemove(shard, out _);
            ClusterLog.ReplicaWarm(_logger, shard, replica.ClusterGeneration);
            return replica;
        }
        catch (Exception ex) when (ex is ProductSearchException or IOException or UnauthorizedAccessException)
        {
            _failures[shard] = ex.Message;
            ClusterLog.ReplicaFailed(_logger, shard, ex.Message);
            throw;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var lazy in _replicas.Values)
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) lazy.Value.Result.Dispose();
        _stopping.Dispose();
        _copying.Dispose();
    }
}
