using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

internal sealed partial class SearchCoordinatorGrain
{
    /// <summary>
    /// Runs the core's <see cref="ShardCoordinator"/> over the shards' replicas on the cluster generation current now
    /// (again on a newer one, at most twice, if a commit lands meanwhile). The query is embedded once, here.
    /// </summary>
    public async Task<CoordinatorAnswer<SearchResponse>> SearchAsync(SearchRequest request, ClusterRequestOptions options)
    {
        using var deadline = new CancellationTokenSource(options.Budget);
        var generation = host.Layout.ReadGenerations().Generation;
        for (var attempt = 1; ; attempt++)
        {
            var shards = Enumerable.Range(0, host.ShardCount).Select(s => new RemoteShardSearcher(s, replicas, options)).ToArray();
            try
            {
                var response = await new ShardCoordinator(shards, embedder.Model.Value).SearchAsync(request, generation, deadline.Token);
                return new CoordinatorAnswer<SearchResponse>(response, Failures(shards), false);
            }
            catch (ReplicaUnavailableException ex) when (ex.MovedTo is { } moved && attempt < 3)
            {
                generation = moved;
            }
            catch (ReplicaUnavailableException ex)
            {
                var failures = Failures(shards);
                return new CoordinatorAnswer<SearchResponse>(null, failures.Count > 0 ? failures : [new ShardFailure(ex.Shard, ex.Reason, ex.ShardMissing)], false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                var failures = Failures(shards);
                return new CoordinatorAnswer<SearchResponse>(null,
                    failures.Count > 0 ? failures : [new ShardFailure(-1, $"the shards did not all answer within the request's budget of {options.Budget.TotalSeconds:0.###} s", false)], true);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                return new CoordinatorAnswer<SearchResponse>(null, [], false) { Refused = ex.Message, RefusedParameter = (ex as ArgumentException)?.ParamName, NotSupported = ex is NotSupportedException };
            }
        }
    }

    private static IReadOnlyList<ShardFailure> Failures(IEnumerable<RemoteShardSearcher> shards) =>
        shards.Where(s => s.Failure is not null).Select(s => new ShardFailure(s.Shard, s.Failure!.Reason, s.Failure.ShardMissing)).ToArray();
}
