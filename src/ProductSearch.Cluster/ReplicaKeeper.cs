using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ProductSearch.Cluster;

/// <summary>
/// Keeps R replicas of every shard: on each membership change, opens (copying first) the replicas this silo should
/// hold by <see cref="ShardPlacement"/> — so when a silo dies, the next silo in each of its shards' order copies and
/// warms that shard, and the replica count comes back without anyone asking. A replica this silo no longer should hold
/// is released once the change has settled (<see cref="ReleaseAfter"/>): by then the silos that should hold it have
/// warmed their copies, so a silo coming back takes its shards back without a moment of fewer than R replicas.
/// Changes are taken after a short quiet time (<see cref="Settle"/>): silos starting one after another would otherwise
/// each see themselves alone at first and copy every shard.
/// </summary>
internal sealed class ReplicaKeeper(ShardHost host, IClusterMembershipService membership, ILocalSiloDetails local, ILogger<ReplicaKeeper> logger)
    : BackgroundService
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

    /// <summary>How long after a change a replica this silo no longer should hold is released.</summary>
    public static readonly TimeSpan ReleaseAfter = TimeSpan.FromSeconds(5);

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
        if (host.Held.Except(mine).Any())
        {
            await Task.Delay(ReleaseAfter, stoppingToken);
            var still = Mine(Active()); // readable a moment ago
            foreach (var shard in host.Held.Except(still)) host.Release(shard);
        }
    }

    private IReadOnlyList<SiloAddress> Active() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();

    private int[] Mine(IReadOnlyList<SiloAddress> active) =>
        Enumerable.Range(0, host.ShardCount).Where(shard => ShardPlacement.Replicas(shard, active, host.Options.ReplicaCount).Contains(local.SiloAddress)).ToArray();
}
