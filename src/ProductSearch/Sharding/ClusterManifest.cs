using ProductSearch.Indexing;

namespace ProductSearch.Sharding;

/// <summary>
/// <c>cluster.json</c> of a sharded index: what is fixed when it is created — the shard count, how products are routed
/// to shards, and the model every shard is embedded with. Never rewritten: the shard count of an index does not change.
/// </summary>
public sealed record ClusterManifest
{
    /// <summary>The file name.</summary>
    public const string FileName = "cluster.json";

    /// <summary>The format this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Most shards an index may have.</summary>
    public const int MaxShards = 1024;

    /// <summary>The format of the file.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The number of shards.</summary>
    public required int ShardCount { get; init; }

    /// <summary>How products are routed (<see cref="ShardRouter.Method"/>).</summary>
    public string Routing { get; init; } = ShardRouter.Method;

    /// <summary>The model every shard is embedded with.</summary>
    public required IndexManifest.ModelInfo Model { get; init; }

    /// <summary>When the index was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

}

/// <summary>
/// <c>generations.json</c> of a sharded index: the commit of every shard that searches read now, moved atomically
/// (written beside, flushed, renamed over) once every shard of a batch has committed, so a catalog import becomes
/// visible at once and every search reads one cluster generation.
/// </summary>
public sealed record ClusterGenerations
{
    /// <summary>The file name.</summary>
    public const string FileName = "generations.json";

    /// <summary>The cluster generation: one more at every commit.</summary>
    public required long Generation { get; init; }

    /// <summary>The key the next new product gets (keys are unique across the shards, in the order products arrived).</summary>
    public required long NextKey { get; init; }

    /// <summary>Each shard's manifest of the commit this cluster generation reads, in shard order.</summary>
    public required IReadOnlyList<IndexManifest> Shards { get; init; }
}
