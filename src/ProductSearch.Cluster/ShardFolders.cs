using System.Globalization;

namespace ProductSearch.Cluster;

/// <summary>Where a shard's index folder lies inside a cluster folder or a silo's replica folder.</summary>
internal static class ShardFolders
{
    private const string Prefix = "shard-";

    public static string Of(string root, int shard) => Path.Combine(root, Prefix + shard.ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>How many shards the cluster folder holds (shard-000 … consecutive).</summary>
    public static int Count(string clusterPath)
    {
        var count = 0;
        while (Directory.Exists(Of(clusterPath, count))) count++;
        return count;
    }
}
