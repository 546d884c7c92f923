using Orleans.Runtime;
using ProductSearch.Catalog;

namespace ProductSearch.Cluster;

/// <summary>
/// A ProductSearch cluster as one engine: searches, product reads, writes and health go to a coordinator on the
/// silo the client is connected to. A request not answered within <see cref="ClusterRequestOptions.ResendAfter"/>,
/// or failed on the way because its silo died, is sent again (then through another gateway), within the request's
/// budget; writes are resent the same way (a write is an upsert or a delete of whole products, so applying it twice
/// leaves the same catalog).
/// </summary>
public sealed class ProductSearchClusterClient
{
    private readonly IClusterClient _client;
    private readonly GatewayLoss _gatewayLoss;

    /// <summary>Creates the client over a connected Orleans client (registered by <c>AddProductSearchCluster</c>, which also tells it of lost gateways).</summary>
    public ProductSearchClusterClient(IClusterClient client) : this(client, new GatewayLoss()) { }

    internal ProductSearchClusterClient(IClusterClient client, GatewayLoss gatewayLoss)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _gatewayLoss = gatewayLoss;
    }

    private ISearchCoordinatorGrain Coordinator => _client.GetGrain<ISearchCoordinatorGrain>(0);

    /// <summary>
    /// Searches the cluster: the answer one engine holding every product gives (the core's sharded coordinator, over the
    /// shards' replicas). Missing shards fail the search, naming them, unless <paramref name="options"/> allow partial
    /// results: then <see cref="ClusterSearchResponse.MissingShards"/> names them.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range (named).</exception>
    /// <exception cref="NotSupportedException">The request asks for what sharded searches do not do yet (sorting, facets).</exception>
    /// <exception cref="ShardUnavailableException">Some shards cannot answer, or not within the budget; the message names them.</exception>
    public async Task<ClusterSearchResponse> SearchAsync(SearchRequest request, ClusterRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var settings = Checked(options);
        var answer = await RetriedAsync(() => Coordinator.SearchAsync(request, settings), settings.Budget, settings.ResendAfter, cancellationToken);
        var response = Unwrap(answer, settings)!;
        return new ClusterSearchResponse(response, answer.Failures.Select(f => f.Shard).Order().ToArray());
    }

    /// <summary>A product by its id, or <c>null</c> when no shard holds it.</summary>
    /// <exception cref="ShardUnavailableException">The product's shard cannot answer.</exception>
    public async Task<Product?> GetProductAsync(string productId, ClusterRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        var settings = Checked(options);
        var answer = await RetriedAsync(() => Coordinator.GetProductAsync(productId, settings), settings.Budget, settings.ResendAfter, cancellationToken);
        return Unwrap(answer, settings);
    }

    /// <summary>Each shard's committed generation and live replicas.</summary>
    public Task<ClusterHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        RetriedAsync(() => Coordinator.HealthAsync(), ClusterRequestOptions.Default.Budget, ClusterRequestOptions.Default.ResendAfter, cancellationToken);

    /// <summary>Adds or replaces <paramref name="products"/>: each goes to its shard's writer; visible to searches when this returns.</summary>
    /// <exception cref="ArgumentException">A product has no id.</exception>
    public Task<ClusterWriteReport> UpsertAsync(IEnumerable<Product> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var batch = products.ToArray();
        if (batch.Any(p => string.IsNullOrWhiteSpace(p.Id))) throw new ArgumentException("Every product needs an id.", nameof(products));
        return RetriedAsync(() => Coordinator.UpsertAsync(batch), WriteBudget, WriteResendAfter, cancellationToken);
    }

    /// <summary>Deletes the products with <paramref name="productIds"/> (ids no shard holds are ignored).</summary>
    public Task<ClusterWriteReport> DeleteAsync(IEnumerable<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var batch = productIds.ToArray();
        if (batch.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("A product id is empty.", nameof(productIds));
        return RetriedAsync(() => Coordinator.DeleteAsync(batch), WriteBudget, WriteResendAfter, cancellationToken);
    }

    private static ClusterRequestOptions Checked(ClusterRequestOptions? options)
    {
        var settings = options ?? ClusterRequestOptions.Default;
        settings.Validate();
        return settings;
    }

    /// <summary>The answer's value, or the exception naming the shards that did not answer (unless partial answers are allowed).</summary>
    private static T? Unwrap<T>(CoordinatorAnswer<T> answer, ClusterRequestOptions options)
    {
        if (answer.Refused is { } refused)
            throw answer.NotSupported ? new NotSupportedException(refused) : new ArgumentException(refused, answer.RefusedParameter);
        if (answer.Failures.Count == 0 || (options.AllowPartialResults && answer.Value is not null)) return answer.Value;
        var reason = answer.TimedOut ? ProductSearchErrorReason.IndexBusy
            : answer.Failures.Any(f => f.Missing) ? ProductSearchErrorReason.DamagedIndex : ProductSearchErrorReason.IndexBusy;
        var shards = answer.Failures.Select(f => f.Shard).Where(s => s >= 0).Order().ToArray();
        var message = string.Join("; ", answer.Failures.OrderBy(f => f.Shard).Select(f => f.Shard >= 0 ? $"shard {f.Shard}: {f.Reason}" : f.Reason));
        throw new ShardUnavailableException(reason, shards, (shards.Length == 1 ? "A shard" : shards.Length == 0 ? "The cluster" : $"{shards.Length} shards") + " cannot answer: " + message);
    }

    /// <summary>
    /// Runs <paramref name="call"/>, and again alongside it each time a gateway is lost or <paramref name="resendAfter"/>
    /// passes without an answer, or at once when an attempt fails on the way (its silo died), until one answers or
    /// <paramref name="budget"/> is spent.
    /// </summary>
    private async Task<T> RetriedAsync<T>(Func<Task<T>> call, TimeSpan budget, TimeSpan resendAfter, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        var running = new List<Task<T>> { call() };
        Exception? last = null;
        while (true)
        {
            var resend = Task.Delay(resendAfter, deadline.Token);
            var lost = _gatewayLoss.Next;
            var finished = await Task.WhenAny(running.Cast<Task>().Append(resend).Append(lost));
            if (finished == resend || finished == lost)
            {
                if (deadline.IsCancellationRequested) break; // the budget is spent
                running.Add(call());
                continue;
            }
            var attempt = (Task<T>)finished;
            running.Remove(attempt);
            if (attempt.IsCompletedSuccessfully) return attempt.Result;
            last = attempt.Exception!.InnerException!;
            if (!IsTransport(last)) throw last;
            if (running.Count == 0)
            {
                await Task.WhenAny(Task.Delay(RetryPause, deadline.Token)); // a refused connection fails at once: not in a tight loop
                running.Add(call());
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var left in running) _ = left.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: they may fail later
        throw new TimeoutException($"The cluster did not answer within {budget.TotalSeconds:0.###} s" + (last is null ? "." : $" (last error: {last.Message})."), last);
    }

    private static bool IsTransport(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException;

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan WriteBudget = TimeSpan.FromSeconds(30);

    // A write (an embedding pass, a commit, the copies) takes longer than a read: resent only when clearly lost.
    private static readonly TimeSpan WriteResendAfter = TimeSpan.FromSeconds(10);
}
