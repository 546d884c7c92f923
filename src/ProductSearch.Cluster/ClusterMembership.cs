using Orleans.Configuration;

namespace ProductSearch.Cluster;

/// <summary>
/// Membership settings that find a dead silo fast. With Orleans' defaults (a 5 s probe timeout, 3 missed probes, then
/// 2 votes) a SIGKILLed silo was declared dead after about 7.6 s in issue 17's measurement; with a 1 s timeout and 2
/// missed probes, after about 1.5 s (the fault run in benchmarks/RESULTS.md measures it again). The cost is more probe traffic and a higher chance
/// of declaring a silo dead that only paused (a long GC): fine on a LAN of search nodes, not across a WAN.
/// </summary>
internal static class ClusterMembership
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
    }
}
