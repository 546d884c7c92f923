using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

internal sealed partial class SearchCoordinatorGrain
{
    /// <summary>
    /// Runs the core's <see cref="ShardCoordinator"/> over the shards' replicas on the cluster generation current now
    /// (again on a newer one, at most twice, if a commit lands meanwhile). The query is embedded once, here.
    /// </summary>
    public Task<CoordinatorAnswer<SearchResponse>> SearchAsync(SearchRequest request, ClusterRequestOptions options) =>
        CoordinateAsync(options, (coordinator, generation, deadline) => coordinator.SearchAsync(request, generation, deadline));

    /// <summary>Suggestions, as one index without past queries gives them (<see cref="ShardCoordinator.SuggestAsync"/>).</summary>
    public Task<CoordinatorAnswer<IReadOnlyList<Suggestion>>> SuggestAsync(string text, int max, ClusterRequestOptions options) =>
        CoordinateAsync(options, (coordinator, generation, deadline) => coordinator.SuggestAsync(text, max, generation, deadline));

    /// <summary>The first-level categories counted over every shard.</summary>
    public Task<CoordinatorAnswer<IReadOnlyList<CategoryCount>>> GetTopLevelCategoriesAsync(ClusterRequestOptions options) =>
        CoordinateAsync(options, (coordinator, generation, deadline) => coordinator.GetTopLevelCategoriesAsync(generation, deadline));

    /// <summary>A product, read from a replica of the one shard that can hold it.</summary>
    public Task<CoordinatorAnswer<Product?>> GetProductAsync(string productId, ClusterRequestOptions options) =>
        CoordinateAsync(options, (coordinator, generation, deadline) => coordinator.GetProductAsync(productId, generation, deadline));

    /// <summary>The shards' schemas merged (never partial: a missing shard fails it).</summary>
    public Task<CoordinatorAnswer<IndexSchema>> GetSchemaAsync(ClusterRequestOptions options) =>
        CoordinateAsync(options, (coordinator, generation, deadline) => coordinator.GetSchemaAsync(generation, deadline));

    /// <summary>
    /// Asks the core's <see cref="ShardCoordinator"/>, over the shards' replicas (hedged, within the request's budget),
    /// on the cluster generation current now, and again on a newer one, at most twice, if a commit lands meanwhile. A
    /// shard none of whose replicas answers is named in the answer's failures; a request the core refuses is answered
    /// with the refusal.
    /// </summary>
    private async Task<CoordinatorAnswer<T>> CoordinateAsync<T>(ClusterRequestOptions options, Func<ShardCoordinator, long, CancellationToken, Task<T>> ask)
    {
        using var deadline = new CancellationTokenSource(options.Budget);
        var generation = host.Layout.ReadGenerations().Generation;
        for (var attempt = 1; ; attempt++)
        {
            var shards = Enumerable.Range(0, host.ShardCount).Select(s => new RemoteShardSearcher(s, replicas, options)).ToArray();
            try
            {
                var value = await ask(new ShardCoordinator(shards, embedder.Model.Value, null, host.CoordinatorCache), generation, deadline.Token);
                return new CoordinatorAnswer<T>(value, Failures(shards), false);
            }
            catch (ReplicaUnavailableException ex) when (ex.MovedTo is { } moved && attempt < 3)
            {
                generation = moved;
            }
            catch (ReplicaUnavailableException ex)
            {
                var failures = Failures(shards);
                return new CoordinatorAnswer<T>(default, failures.Count > 0 ? failures : [new ShardFailure(ex.Shard, ex.Reason, ex.ShardMissing)], false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                var failures = Failures(shards);
                return new CoordinatorAnswer<T>(default,
                    failures.Count > 0 ? failures : [new ShardFailure(-1, $"the shards did not all answer within the request's budget of {options.Budget.TotalSeconds:0.###} s", false)], true);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                return new CoordinatorAnswer<T>(default, [], false)
                {
                    Refused = ex is ArgumentException refusal ? RefusalText.Of(refusal) : ex.Message, // the client appends the parameter again
                    RefusedParameter = (ex as ArgumentException)?.ParamName,
                    NotSupported = ex is NotSupportedException,
                    OutOfRange = ex is ArgumentOutOfRangeException,
                };
            }
        }
    }

    private static IReadOnlyList<ShardFailure> Failures(IEnumerable<RemoteShardSearcher> shards) =>
        shards.Where(s => s.Failure is not null).Select(s => new ShardFailure(s.Shard, s.Failure!.Reason, s.Failure.ShardMissing)).ToArray();
}
