using Orleans.Runtime;

namespace ProductSearch.Cluster;

/// <summary>
/// Calls one shard through its replicas: the first in the shard's placement order, then — after the hedge delay, or
/// at once when a replica fails — the next, until one answers (the first answer wins; the others are left to finish
/// unobserved). Only active silos are asked: a silo the membership declared dead is not waited for.
/// </summary>
internal sealed class ReplicaCaller(IGrainFactory grains, IClusterMembershipService membership)
{
    public IReadOnlyList<SiloAddress> ActiveSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();

    /// <exception cref="ReplicaUnavailableException">Every replica failed; the reasons are joined.</exception>
    /// <exception cref="ArgumentException">A replica refused the request itself (every replica would).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="deadline"/> passed first.</exception>
    public async Task<T> CallAsync<T>(int shard, Func<IShardReplicaGrain, Task<T>> call, TimeSpan hedgeAfter, CancellationToken deadline)
    {
        var ranked = ShardPlacement.Rank(shard, ActiveSilos());
        if (ranked.Count == 0) throw new ReplicaUnavailableException(shard, "the cluster", "no silo is active");
        var running = new Dictionary<Task<T>, SiloAddress>();
        var failures = new List<ReplicaUnavailableException>();
        var next = 0;
        void StartNext()
        {
            var silo = ranked[next++];
            running.Add(call(grains.GetGrain<IShardReplicaGrain>(ReplicaKey.Of(shard, silo))), silo);
        }

        StartNext();
        while (true)
        {
            using var hedgeTimer = CancellationTokenSource.CreateLinkedTokenSource(deadline);
            var hedge = Task.Delay(next < ranked.Count ? hedgeAfter : Timeout.InfiniteTimeSpan, hedgeTimer.Token);
            var finished = await Task.WhenAny(running.Keys.Cast<Task>().Append(hedge));
            await hedgeTimer.CancelAsync();
            if (finished == hedge)
            {
                deadline.ThrowIfCancellationRequested();
                if (hedge.IsCompletedSuccessfully && next < ranked.Count) StartNext();
                continue;
            }
            var answered = (Task<T>)finished;
            running.Remove(answered, out var answeredBy);
            if (answered.IsCompletedSuccessfully) return answered.Result;
            var error = answered.Exception?.InnerException;
            if (error is ReplicaUnavailableException { MovedTo: not null } moved) throw moved; // the cluster moved on: no replica will answer for the old generation
            // A refusal of the request itself (a sort or filter field the index lacks, a facet it cannot count) is what
            // every replica, byte-identical, would answer: it goes back to the caller as it is, not as a failed replica.
            if (error is ReplicaRefusalException refusal) throw refusal.Original();
            failures.Add(error as ReplicaUnavailableException
                         ?? new ReplicaUnavailableException(shard, answeredBy!.ToString(), error?.Message ?? "cancelled"));
            if (next < ranked.Count) StartNext();
            else if (running.Count == 0)
                throw new ReplicaUnavailableException(shard, "every replica", string.Join("; ", failures.Select(f => f.Message)), failures.Any(f => f.ShardMissing));
        }
    }
}
