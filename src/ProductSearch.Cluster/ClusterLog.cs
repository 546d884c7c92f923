using Microsoft.Extensions.Logging;

namespace ProductSearch.Cluster;

/// <summary>The cluster's log lines, one event id each.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Shard {Shard}: replica warm at cluster generation {Generation}")]
    public static partial void ReplicaWarm(ILogger logger, int shard, long generation);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Shard {Shard}: replica could not open: {Reason}")]
    public static partial void ReplicaFailed(ILogger logger, int shard, string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "Membership changed: {Active} active silos; this silo serves shards {Shards}")]
    public static partial void Assigned(ILogger logger, int active, string shards);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Information, Message = "Committed cluster generation {Generation} ({Products} products)")]
    public static partial void Committed(ILogger logger, long generation, long products);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Warning, Message = "Shard {Shard}: replica on {Silo} failed: {Reason}")]
    public static partial void ReplicaCallFailed(ILogger logger, int shard, string silo, string reason);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Information, Message = "Shard {Shard}: replica released, warm on {Silos}")]
    public static partial void ReplicaReleased(ILogger logger, int shard, string silos);
}
