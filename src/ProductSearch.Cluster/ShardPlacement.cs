using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Orleans.Runtime;

namespace ProductSearch.Cluster;

/// <summary>
/// Which silos serve a shard: rendezvous (highest-random-weight) hashing of the shard number and each silo's endpoint,
/// the first R of the active silos. Every silo and coordinator computes the same answer from the same membership, with no
/// table to keep; a silo that leaves moves only its own replicas (each to the next silo in that shard's order), and a
/// silo that comes back on the same endpoint gets the same shards back.
/// </summary>
internal static class ShardPlacement
{
    /// <summary>The active silos in the order they serve <paramref name="shard"/>: the first <c>R</c> hold its replicas.</summary>
    public static IReadOnlyList<SiloAddress> Rank(int shard, IEnumerable<SiloAddress> activeSilos) =>
        activeSilos.OrderByDescending(silo => Weight(shard, silo)).ThenBy(silo => silo.ToParsableString(), StringComparer.Ordinal).ToArray();

    /// <summary>The silos that should hold a replica of <paramref name="shard"/>.</summary>
    public static IReadOnlyList<SiloAddress> Replicas(int shard, IEnumerable<SiloAddress> activeSilos, int replicaCount) =>
        Rank(shard, activeSilos).Take(replicaCount).ToArray();

    // The endpoint, not the address: a silo restarted on its port is a new SiloAddress (new generation) but the same place.
    private static ulong Weight(int shard, SiloAddress silo)
    {
        var endpoint = Encoding.UTF8.GetBytes(silo.Endpoint.ToString());
        Span<byte> key = stackalloc byte[endpoint.Length + 4];
        BinaryPrimitives.WriteInt32LittleEndian(key, shard);
        endpoint.CopyTo(key[4..]);
        return XxHash64.HashToUInt64(key);
    }
}
