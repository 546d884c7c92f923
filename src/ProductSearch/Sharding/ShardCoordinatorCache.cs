using System.Collections.Concurrent;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Sharding;

/// <summary>
/// What coordinators over the same shards remember between requests, for the newest cluster generation asked about:
/// the BM25 statistics summed over the shards per query (at most <see cref="ShardCoordinator.StatisticsCacheSize"/>)
/// and the shards' merged schema. Both change only with a commit. A <see cref="ShardCoordinator"/> keeps its own unless
/// given one: a host that builds a coordinator per request (a cluster's coordinator grain, whose shard searchers carry
/// the request's budget) shares one, so a query's statistics are summed once per commit, not once per search. Thread-safe.
/// </summary>
public sealed class ShardCoordinatorCache
{
    private readonly ConcurrentDictionary<StatisticsKey, GlobalStatistics> _statistics = new();
    private long _statisticsGeneration = long.MinValue;
    private volatile GenerationSchema? _schema;

    private sealed record GenerationSchema(long Generation, IndexSchema Schema);

    internal bool TryGetStatistics(StatisticsKey key, out GlobalStatistics statistics) =>
        _statistics.TryGetValue(key, out statistics!);

    internal void KeepStatistics(StatisticsKey key, GlobalStatistics statistics)
    {
        // A newer generation: searches move forward, so the older ones' statistics are freed; a full cache starts over.
        var newest = Interlocked.Read(ref _statisticsGeneration);
        if (key.ClusterGeneration > newest && Interlocked.CompareExchange(ref _statisticsGeneration, key.ClusterGeneration, newest) == newest
            || _statistics.Count >= ShardCoordinator.StatisticsCacheSize)
            _statistics.Clear();
        _statistics[key] = statistics;
    }

    internal IndexSchema? Schema(long clusterGeneration) => _schema is { } known && known.Generation == clusterGeneration ? known.Schema : null;

    // A request on an older generation asks the shards again rather than replace a newer schema.
    internal void KeepSchema(long clusterGeneration, IndexSchema schema)
    {
        if (_schema is not { } kept || kept.Generation < clusterGeneration) _schema = new GenerationSchema(clusterGeneration, schema);
    }
}
