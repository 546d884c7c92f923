using Orleans.Runtime;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Cluster;

/// <summary>
/// A ProductSearch cluster as one engine: searches, product reads, writes and health go to a coordinator on the
/// silo the client is connected to. A request not answered within <see cref="ClusterRequestOptions.ResendAfter"/>,
/// or failed on the way because its silo died, is sent again (then through another gateway), within the request's
/// budget; writes are resent the same way (a write is an upsert or a delete of whole products, so applying it twice
/// leaves the same catalog). As an <see cref="IProductSearch"/> (what a storefront asks; registered as one by
/// <c>AddProductSearchCluster</c>) it answers with <see cref="ClusterRequestOptions.Default"/>: a shard that cannot
/// answer fails the call with <see cref="ShardUnavailableException"/>, naming it. Its suggestions are those of one index
/// without past queries (see <see cref="Sharding.ShardCoordinator.SuggestAsync"/>).
/// </summary>
public sealed class ProductSearchClusterClient : IProductSearch
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
    /// <exception cref="NotSupportedException">The request asks for what sharded searches do not do yet (Lucene's own BM25 explanation; see <see cref="Sharding.ShardCoordinator"/>).</exception>
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

    /// <summary>A product by its id (compared exactly), read from a replica of its shard, or <c>null</c> when no shard holds it.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="SearchEngine.MaxProductIdLength"/>.</exception>
    /// <exception cref="ShardUnavailableException">The product's shard cannot answer.</exception>
    public Task<Product?> GetProductAsync(string productId, ClusterRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return AskAsync(settings => Coordinator.GetProductAsync(productId, settings), options, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="max"/> completions of <paramref name="text"/>, as one index holding every product suggests
    /// them without past queries (<see cref="SearchEngine.Suggest"/>). When <paramref name="options"/> allow partial
    /// results, a shard that cannot answer is left out: its words and brands then count for nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="SearchEngine.MaxSuggestionPrefixLength"/>, or <paramref name="max"/> is not 1–20.</exception>
    /// <exception cref="ShardUnavailableException">Some shards cannot answer, or not within the budget; the message names them.</exception>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max = 5, ClusterRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (await AskAsync(settings => Coordinator.SuggestAsync(text, max, settings), options, cancellationToken))!;
    }

    /// <summary>
    /// The catalog's first-level categories with their product counts summed over the shards, most products first (ties
    /// by name, ordinal). When <paramref name="options"/> allow partial results, a shard that cannot answer is left out.
    /// </summary>
    /// <exception cref="ShardUnavailableException">Some shards cannot answer, or not within the budget; the message names them.</exception>
    public async Task<IReadOnlyList<CategoryCount>> GetTopLevelCategoriesAsync(ClusterRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        (await AskAsync(settings => Coordinator.GetTopLevelCategoriesAsync(settings), options, cancellationToken))!;

    /// <summary>
    /// The shards' schemas merged (see <see cref="Sharding.ShardCoordinator.GetSchemaAsync"/>): every field, and which can
    /// be filtered, faceted and sorted on. Never partial: a shard that cannot answer fails it.
    /// </summary>
    /// <exception cref="ShardUnavailableException">Some shards cannot answer, or not within the budget; the message names them.</exception>
    public async Task<IndexSchema> GetSchemaAsync(ClusterRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        (await AskAsync(settings => Coordinator.GetSchemaAsync(settings), options, cancellationToken))!;

    async Task<SearchResponse> IProductSearch.SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        (await SearchAsync(request, null, cancellationToken)).Response;

    Task<IReadOnlyList<Suggestion>> IProductSearch.SuggestAsync(string text, int max, CancellationToken cancellationToken) => SuggestAsync(text, max, null, cancellationToken);

    Task<IReadOnlyList<CategoryCount>> IProductSearch.GetTopLevelCategoriesAsync(CancellationToken cancellationToken) => GetTopLevelCategoriesAsync(null, cancellationToken);

    Task<Product?> IProductSearch.GetProductAsync(string productId, CancellationToken cancellationToken) => GetProductAsync(productId, null, cancellationToken);

    Task<IndexSchema> IProductSearch.GetSchemaAsync(CancellationToken cancellationToken) => GetSchemaAsync(null, cancellationToken);

    /// <summary>Sends a read to a coordinator (again, as <see cref="RetriedAsync"/> does) and unwraps its answer.</summary>
    private async Task<T?> AskAsync<T>(Func<ClusterRequestOptions, Task<CoordinatorAnswer<T>>> call, ClusterRequestOptions? options, CancellationToken cancellationToken)
    {
        var settings = Checked(options);
        var answer = await RetriedAsync(() => call(settings), settings.Budget, settings.ResendAfter, cancellationToken);
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
            throw answer.NotSupported ? new NotSupportedException(refused)
                : answer.OutOfRange ? new ArgumentOutOfRangeException(answer.RefusedParameter, refused)
                : new ArgumentException(refused, answer.RefusedParameter);
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
