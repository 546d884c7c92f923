using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.Embedding;

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

    public ShardHost(IOptions<ProductSearchSiloOptions> options, ClusterEmbedder embedder, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _options.Validate();
        _embedder = embedder.Model;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ShardHost>();
        Directory.CreateDirectory(_options.ReplicaPath);
    }

    public ProductSearchSiloOptions Options => _options;

    /// <summary>How many shards the cluster folder holds.</summary>
    public int ShardCount => ShardFolders.Count(_options.ClusterPath);

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

    /// <summary>What went wrong the last time <paramref name="shard"/> failed to open here, if it did.</summary>
    public string? Failure(int shard) => _failures.TryGetValue(shard, out var reason) ? reason : null;

    /// <summary>The shards this silo serves now, with their generations.</summary>
    public IReadOnlyList<ShardReplica> WarmReplicas() =>
        _replicas.Keys.Order().Select(Warm).OfType<ShardReplica>().ToArray();

    private ShardReplica Open(int shard)
    {
        var source = ShardFolders.Of(_options.ClusterPath, shard);
        try
        {
            var replica = ShardReplica.Open(shard, source, ShardFolders.Of(_options.ReplicaPath, shard), _embedder.Value, _loggerFactory, _stopping.Token);
            _failures.TryRemove(shard, out _);
            ClusterLog.ReplicaWarm(_logger, shard, replica.Generation);
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
    }
}
