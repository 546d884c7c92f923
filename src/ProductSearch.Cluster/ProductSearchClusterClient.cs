using Orleans.Runtime;
using ProductSearch.Catalog;

namespace ProductSearch.Cluster;

/// <summary>
/// A ProductSearch cluster as one engine: searches, product reads, writes and health go to a coordinator on the
/// silo the client is connected to. Reads are retried on another gateway when the silo the request went to dies
/// mid-request, within the request's budget; writes are retried the same way (a write is an upsert or a delete of
/// whole products, so applying it twice leaves the same catalog).
/// </summary>
public sealed class ProductSearchClusterClient
{
    private readonly IClusterClient _client;

    /// <summary>Creates the client over a connected Orleans client.</summary>
    public ProductSearchClusterClient(IClusterClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    private ISearchCoordinatorGrain Coordinator => _client.GetGrain<ISearchCoordinatorGrain>(0);

    /// <summary>A product by its id, or <c>null</c> when no shard holds it.</summary>
    /// <exception cref="ShardUnavailableException">The product's shard cannot answer.</exception>
    public async Task<Product?> GetProductAsync(string productId, ClusterRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        var settings = Checked(options);
        var answer = await RetriedAsync(() => Coordinator.GetProductAsync(productId, settings), settings.Budget, cancellationToken);
        return Unwrap(answer, settings);
    }

    /// <summary>Each shard's committed generation and live replicas.</summary>
    public Task<ClusterHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        RetriedAsync(() => Coordinator.HealthAsync(), ClusterRequestOptions.Default.Budget, cancellationToken);

    /// <summary>Adds or replaces <paramref name="products"/>: each goes to its shard's writer; visible to searches when this returns.</summary>
    /// <exception cref="ArgumentException">A product has no id.</exception>
    public Task<ClusterWriteReport> UpsertAsync(IEnumerable<Product> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var batch = products.ToArray();
        if (batch.Any(p => string.IsNullOrWhiteSpace(p.Id))) throw new ArgumentException("Every product needs an id.", nameof(products));
        return RetriedAsync(() => Coordinator.UpsertAsync(batch), WriteBudget, cancellationToken);
    }

    /// <summary>Deletes the products with <paramref name="productIds"/> (ids no shard holds are ignored).</summary>
    public Task<ClusterWriteReport> DeleteAsync(IEnumerable<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var batch = productIds.ToArray();
        if (batch.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("A product id is empty.", nameof(productIds));
        return RetriedAsync(() => Coordinator.DeleteAsync(batch), WriteBudget, cancellationToken);
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
        if (answer.Failures.Count == 0 || (options.AllowPartialResults && answer.Value is not null)) return answer.Value;
        var reason = answer.TimedOut ? ProductSearchErrorReason.IndexBusy
            : answer.Failures.Any(f => f.Missing) ? ProductSearchErrorReason.DamagedIndex : ProductSearchErrorReason.IndexBusy;
        var shards = answer.Failures.Select(f => f.Shard).Order().ToArray();
        var message = string.Join("; ", answer.Failures.OrderBy(f => f.Shard).Select(f => $"shard {f.Shard}: {f.Reason}"));
        throw new ShardUnavailableException(reason, shards, (shards.Length == 1 ? "A shard" : $"{shards.Length} shards") + " cannot answer: " + message);
    }

    /// <summary>
    /// Runs <paramref name="call"/> again when the silo it went through died under it (the client then connects
    /// through another gateway), until <paramref name="budget"/> is spent.
    /// </summary>
    private static async Task<T> RetriedAsync<T>(Func<Task<T>> call, TimeSpan budget, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + budget;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (IsTransport(ex) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryPause, cancellationToken);
            }
        }
    }

    private static bool IsTransport(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException;

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan WriteBudget = TimeSpan.FromSeconds(30);
}
