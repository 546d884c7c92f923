using ProductSearch.Embedding;

namespace ProductSearch.Cluster;

/// <summary>
/// What one silo of a ProductSearch cluster serves: the cluster folder its shards are committed to, the folder of its
/// own replica copies, and how many replicas each shard keeps.
/// </summary>
public sealed class ProductSearchSiloOptions
{
    /// <summary>
    /// The sharded index folder (one ordinary index folder per shard): where the shard writers commit, and what replicas
    /// copy committed generations from. Every silo must reach it (the same path on loopback, shared storage across machines).
    /// </summary>
    public string ClusterPath { get; set; } = "";

    /// <summary>This silo's own folder for its replicas' copies (one index folder per shard it serves); never shared between silos.</summary>
    public string ReplicaPath { get; set; } = "";

    /// <summary>Replicas per shard, each on a different silo (default 2: one silo can die with every shard still answering).</summary>
    public int ReplicaCount { get; set; } = 2;

    /// <summary>The model to embed queries and written products with (default: the one the shards were built with).</summary>
    public string? Model { get; set; }

    /// <summary>Where the model runs.</summary>
    public ComputeDevice Device { get; set; } = ComputeDevice.Cpu;

    /// <summary>Checks the options, naming the first wrong one.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterPath)) throw new ArgumentException("ClusterPath is required: the sharded index folder.", nameof(ClusterPath));
        if (string.IsNullOrWhiteSpace(ReplicaPath)) throw new ArgumentException("ReplicaPath is required: this silo's folder for its replica copies.", nameof(ReplicaPath));
        if (Path.GetFullPath(ReplicaPath) == Path.GetFullPath(ClusterPath))
            throw new ArgumentException("ReplicaPath must not be the cluster folder: replicas are copies of it.", nameof(ReplicaPath));
        if (ReplicaCount is < 1 or > 16) throw new ArgumentException("ReplicaCount must be between 1 and 16.", nameof(ReplicaCount));
    }
}
