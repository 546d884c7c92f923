using System.IO.Hashing;
using System.Text;

namespace ProductSearch.Sharding;

/// <summary>
/// Which shard holds a product: XXH64 of its catalog id's UTF-8 bytes (seed 0), modulo the shard count. Stable across
/// processes, machines and .NET versions (unlike <see cref="string.GetHashCode()"/>, which is randomised per process),
/// so every writer and reader of a sharded index routes a product alike.
/// </summary>
public sealed class ShardRouter
{
    /// <summary>The name <c>cluster.json</c> records for this routing.</summary>
    public const string Method = "xxhash64-utf8";

    /// <summary>Routes over <paramref name="shardCount"/> shards.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is not 1–<see cref="ClusterManifest.MaxShards"/>.</exception>
    public ShardRouter(int shardCount)
    {
        if (shardCount is < 1 or > ClusterManifest.MaxShards)
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, $"A sharded index has 1 to {ClusterManifest.MaxShards} shards.");
        ShardCount = shardCount;
    }

    /// <summary>The number of shards.</summary>
    public int ShardCount { get; }

    /// <summary>The shard (0-based) holding the product with catalog id <paramref name="productId"/>.</summary>
    public int ShardOf(string productId)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return (int)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(productId)) % (ulong)ShardCount);
    }
}
