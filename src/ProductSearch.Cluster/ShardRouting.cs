using System.IO.Hashing;
using System.Text;

namespace ProductSearch.Cluster;

/// <summary>A product's shard: a stable hash of its id (XxHash64 of its UTF-8 bytes, never <c>string.GetHashCode</c>, which differs per process).</summary>
internal static class ShardRouting
{
    public static int ShardOf(string productId, int shardCount) => (int)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(productId)) % (ulong)shardCount);
}
