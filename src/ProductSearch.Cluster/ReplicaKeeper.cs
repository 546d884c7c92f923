using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ProductSearch.Cluster;

/// <summary>
/// Keeps R replicas of every shard: on each membership change, opens (copying first) the replicas this silo should
/// hold by <see cref="ShardPlacement"/> — so when a silo dies, the next silo in each of its shards' order copies and
/// warms that shard, and the replica count comes back without anyone asking. A replica this silo no longer should hold
/// (a silo joined, or came back, and placement moved the shard there) is released only once every silo that should
/// hold it answers warm (<see cref="ReleaseWhenPlacedWarmAsync"/>): copying and warming a shard takes as long as the
/// shard is large and the new silo is busy, so no fixed wait is long enough, and until then this copy keeps answering
/// — a shard never has fewer than R warm replicas while silos join. Changes are taken after a short quiet time
/// (<see cref="Settle"/>): silos starting one after another would otherwise each see themselves alone at first and
/// copy every shard.
/// </summary>
internal sealed class ReplicaKeeper(ShardHost host, IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains,
    ILogger<ReplicaKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var changed = new SemaphoreSlim(0);
            _ = Task.Run(async () =>
            {
                await foreach (var _ in membership.MembershipUpdates.WithCancellation(stoppingToken)) changed.Release();
            }, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                // Settle: take the membership once it has stopped changing for a moment.
                while (await changed.WaitAsync(Settle, stoppingToken)) { }
                await ReconcileAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>How long membership must stay unchanged before replicas are moved.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>How soon the silos a moved shard is placed on are first asked again whether their copies are warm yet.</summary>
    public static readonly TimeSpan ReleasePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest pause between those questions (the pause doubles while a silo stays cold).</summary>
    public static readonly TimeSpan ReleasePollMax = TimeSpan.FromSeconds(4);

    /// <summary>How long one such question may take: a replica that is still copying makes its answer wait.</summary>
    private static readonly TimeSpan StateWait = TimeSpan.FromSeconds(2);

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        var active = Active();
        if (!active.Contains(local.SiloAddress)) return;
        int[] mine;
        try
        {
            mine = Mine(active);
        }
        catch (ProductSearchException ex) // no readable cluster folder: health says so; the next membership change tries again
        {
            ClusterLog.ReplicaFailed(logger, -1, ex.Message);
            return;
        }
        ClusterLog.Assigned(logger, active.Count, string.Join(",", mine));
        foreach (var shard in mine)
        {
            try { await host.EnsureAsync(shard).WaitAsync(stoppingToken); }
            catch (Exception ex) when (ex is ProductSearchException or IOException or UnauthorizedAccessException) { } // logged and reported by the host
        }
        if (host.Held.Except(mine).Any()) await ReleaseWhenPlacedWarmAsync(stoppingToken);
    }

    /// <summary>
    /// Releases each replica placement no longer gives this silo once all the silos it gives the shard to answer warm;
    /// returns when none is left to release, or when membership changes again (the next reconcile takes over then).
    /// </summary>
    private async Task ReleaseWhenPlacedWarmAsync(CancellationToken stoppingToken)
    {
        var version = membership.CurrentSnapshot.Version;
        var pause = ReleasePoll;
        while (membership.CurrentSnapshot.Version.Equals(version))
        {
            var active = Active();
            var leaving = host.Held.Except(Mine(active)).ToArray(); // the manifest was readable a moment ago
            if (leaving.Length == 0) return;
            foreach (var shard in leaving)
            {
                var placed = ShardPlacement.Replicas(shard, active, host.Options.ReplicaCount);
                var warm = await Task.WhenAll(placed.Select(silo => IsWarmAsync(shard, silo)));
                if (!warm.All(w => w)) continue;
                host.Release(shard);
                ClusterLog.ReplicaReleased(logger, shard, string.Join(", ", placed));
            }
            await Task.Delay(pause, stoppingToken);
            // Asking opens the replica there: a shard that cannot be copied (damaged) is not tried four times a second for ever.
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, ReleasePollMax.Ticks));
        }
    }

    private async Task<bool> IsWarmAsync(int shard, SiloAddress silo)
    {
        try
        {
            var state = await grains.GetGrain<IShardReplicaGrain>(ReplicaKey.Of(shard, silo)).StateAsync().WaitAsync(StateWait);
            return state.Warm;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException) // unreachable, or still copying: not warm yet
        {
            return false;
        }
    }

    private IReadOnlyList<SiloAddress> Active() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();

    private int[] Mine(IReadOnlyList<SiloAddress> active) =>
        Enumerable.Range(0, host.ShardCount).Where(shard => ShardPlacement.Replicas(shard, active, host.Options.ReplicaCount).Contains(local.SiloAddress)).ToArray();
}
