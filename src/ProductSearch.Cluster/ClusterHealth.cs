namespace ProductSearch.Cluster;

/// <summary>The cluster as its coordinator sees it: the cluster generation searches read, each shard's commit in it and the replicas serving it.</summary>
/// <param name="Generation">The cluster generation committed last, or <c>null</c> when the cluster folder has none (or it is unreadable).</param>
/// <param name="ReplicaCount">Replicas each shard should have.</param>
/// <param name="ActiveSilos">Silos the membership counts as active.</param>
/// <param name="Shards">Every shard, in order.</param>
public sealed record ClusterHealth(long? Generation, int ReplicaCount, int ActiveSilos, IReadOnlyList<ShardHealth> Shards)
{
    /// <summary>Whether every shard has at least one replica serving the cluster generation.</summary>
    public bool IsAvailable => Shards.Count > 0 && Shards.All(s => s.IsAvailable && s.Replicas.Any(r => r.Warm && r.Generation == Generation));

    /// <summary>Whether every shard has all its replicas (<see cref="ReplicaCount"/>, or one per silo when there are fewer silos) on the cluster generation.</summary>
    public bool IsFullyReplicated => IsAvailable && Shards.All(s => s.Replicas.Count(r => r.Warm && r.Generation == Generation) >= Math.Min(ReplicaCount, ActiveSilos));

    /// <summary>Replicas of <paramref name="shard"/> warm on the cluster generation.</summary>
    public int LiveReplicas(int shard) => Shards[shard].Replicas.Count(r => r.Warm && r.Generation == Generation);
}

/// <summary>One shard's state.</summary>
/// <param name="Shard">The shard number.</param>
/// <param name="Generation">The shard's own commit that the cluster generation names, or <c>null</c> when there is none.</param>
/// <param name="Products">Products in that commit.</param>
/// <param name="Replicas">Its replicas on the silos that should hold one.</param>
/// <param name="Problem">What is wrong with the shard's commit in the cluster folder, or <c>null</c>.</param>
public sealed record ShardHealth(int Shard, long? Generation, long? Products, IReadOnlyList<ReplicaHealth> Replicas, string? Problem)
{
    /// <summary>Whether the shard can answer queries (its commit is whole and some replica is warm).</summary>
    public bool IsAvailable => Problem is null && Replicas.Any(r => r.Warm);
}

/// <summary>A replica of a shard on one silo.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Warm">Whether it takes queries.</param>
/// <param name="Generation">The cluster generation the silo's copy holds (0 while not warm).</param>
/// <param name="Problem">Why it is not warm, or <c>null</c>.</param>
public sealed record ReplicaHealth(string Silo, bool Warm, long Generation, string? Problem);

/// <summary>What a write to the cluster committed.</summary>
/// <param name="Generation">The cluster generation searches read from now on.</param>
/// <param name="Shards">The shards the write changed.</param>
/// <param name="Added">Products new to the cluster.</param>
/// <param name="Updated">Products replaced.</param>
/// <param name="Deleted">Products removed.</param>
public sealed record ClusterWriteReport(long Generation, IReadOnlyList<int> Shards, int Added, int Updated, int Deleted);

/// <summary>A search's answer from the cluster, with the shards it lacks (only when the request allowed partial results).</summary>
/// <param name="Response">The answer, as one engine gives it.</param>
/// <param name="MissingShards">Shards that did not answer: their products are not in it. Empty for a whole answer.</param>
public sealed record ClusterSearchResponse(SearchResponse Response, IReadOnlyList<int> MissingShards);
