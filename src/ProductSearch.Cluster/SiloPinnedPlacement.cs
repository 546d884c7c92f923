using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ProductSearch.Cluster;

/// <summary>
/// Places a grain on the silo its key names (<c>{shard}@{silo}</c>): a shard replica grain is the façade of the
/// replica one particular silo holds, so it must run there and nowhere else. A key naming a silo that is gone is
/// refused rather than placed elsewhere: the coordinator then asks another replica.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
internal sealed class SiloPinnedPlacement : PlacementStrategy
{
    public static SiloPinnedPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="SiloPinnedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SiloPinnedPlacementAttribute() : PlacementAttribute(SiloPinnedPlacement.Instance);

/// <summary>The director of <see cref="SiloPinnedPlacement"/>.</summary>
internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = ReplicaKey.Silo(key);
        if (context.GetCompatibleSilos(target).Contains(silo)) return Task.FromResult(silo);
        throw new ReplicaUnavailableException(ReplicaKey.Shard(key), silo.ToString(), "that silo is not an active member of the cluster");
    }
}

/// <summary>The key of a shard replica grain: the shard and the silo holding the replica.</summary>
internal static class ReplicaKey
{
    public static string Of(int shard, SiloAddress silo) => shard.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@" + silo.ToParsableString();

    public static int Shard(string key) => int.Parse(key.AsSpan(0, key.IndexOf('@')), System.Globalization.CultureInfo.InvariantCulture);

    public static SiloAddress Silo(string key) => SiloAddress.FromParsableString(key[(key.IndexOf('@') + 1)..]);
}
