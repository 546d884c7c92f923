using System.Diagnostics.CodeAnalysis;
using ProductSearch.AspNetCore;

namespace ProductSearch.Cluster;

/// <summary>
/// A ProductSearch cluster as an app's <see cref="IProductSearchSource"/> (registered by <c>AddProductSearchCluster</c>),
/// so endpoints written for one index in process run unchanged against the cluster. There is nothing to open: the
/// search is always handed out, and a shard that cannot answer fails the request itself with
/// <see cref="ShardUnavailableException"/> naming the shard (a 503 for the endpoint); the cluster's health check asks
/// the shards directly, so a reported failure changes nothing here.
/// </summary>
public sealed class ProductSearchClusterSource : IProductSearchSource
{
    private readonly IProductSearch _cluster;

    /// <summary>Creates the source over the cluster as one catalog, under the cluster's id <paramref name="clusterId"/>.</summary>
    public ProductSearchClusterSource(IProductSearch cluster, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _cluster = cluster;
        Name = $"cluster {clusterId}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <remarks>Always <c>null</c>: the shards' folders are the silos', not this app's.</remarks>
    public string? IndexPath => null;

    /// <inheritdoc />
    public string HealthCheckName => ProductSearchClusterHealthCheck.Name;

    /// <inheritdoc />
    public bool TryGetSearch([NotNullWhen(true)] out IProductSearch? search, [NotNullWhen(false)] out string? reason)
    {
        search = _cluster;
        reason = null;
        return true;
    }

    /// <inheritdoc />
    public void ReportSearchFailure(ProductSearchException error) => ArgumentNullException.ThrowIfNull(error);
}
