namespace ProductSearch.Cluster;

/// <summary>The cluster as its coordinator sees it: each shard's committed generation and the replicas serving it.</summary>
/// <param name="ReplicaCount">Replicas each shard should have.</param>
/// <param name="ActiveSilos">Silos the membership counts as active.</param>
/// <param name="Shards">Every shard, in order.</param>
public sealed record ClusterHealth(int ReplicaCount, int ActiveSilos, IReadOnlyList<ShardHealth> Shards)
{
    /// <summary>Whether every shard has at least one replica serving its committed generation.</summary>
    public bool IsAvailable => Shards.Count > 0 && Shards.All(s => s.IsAvailable);

    /// <summary>Whether every shard has all its replicas (<see cref="ReplicaCount"/>, or one per silo when there are fewer silos).</summary>
    public bool IsFullyReplicated => Shards.All(s => s.LiveReplicas >= Math.Min(ReplicaCount, ActiveSilos));
}

/// <summary>One shard's state.</summary>
/// <param name="Shard">The shard number.</param>
/// <param name="Generation">The generation its writer committed last, or <c>null</c> when its folder is missing or unreadable.</param>
/// <param name="Replicas">Its replicas on the silos that should hold one.</param>
/// <param name="Problem">What is wrong with the shard's folder, or <c>null</c>.</param>
public sealed record ShardHealth(int Shard, long? Generation, IReadOnlyList<ReplicaHealth> Replicas, string? Problem)
{
    /// <summary>Replicas warm on the committed generation.</summary>
    public int LiveReplicas => Replicas.Count(r => r.Warm && r.Generation == Generation);

    /// <summary>Whether the shard can answer queries.</summary>
    public bool IsAvailable => Problem is null && LiveReplicas > 0;
}

/// <summary>A replica of a shard on one silo.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Warm">Whether it takes queries.</param>
/// <param name="Generation">The generation it serves (0 while not warm).</param>
/// <param name="Problem">Why it is not warm, or <c>null</c>.</param>
public sealed record ReplicaHealth(string Silo, bool Warm, long Generation, string? Problem);

/// <summary>What a write to the cluster committed: the new generation of each shard it touched.</summary>
/// <param name="Generations">Shard → generation committed.</param>
public sealed record ClusterWriteReport(IReadOnlyDictionary<int, long> Generations);
