using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductSearch.Cluster;

/// <summary>
/// The cluster's health for ASP.NET Core's health checks: healthy when every shard has all its replicas, degraded when
/// every shard answers but some lack replicas, unhealthy when a shard cannot answer (named). The data holds each
/// shard's generation and live replicas.
/// </summary>
public sealed class ProductSearchClusterHealthCheck(ProductSearchClusterClient client) : IHealthCheck
{
    /// <summary>The name it is registered under.</summary>
    public const string Name = "productsearch-cluster";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ClusterHealth health;
        try
        {
            health = await client.GetHealthAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The cluster cannot be reached: " + ex.Message);
        }
        var data = health.Shards.ToDictionary(s => $"shard {s.Shard}",
            object (s) => $"generation {s.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {health.LiveReplicas(s.Shard)} live replica(s)" + (s.Problem is null ? "" : ": " + s.Problem));
        data["active silos"] = health.ActiveSilos;
        data["cluster generation"] = health.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        var down = health.Shards.Where(s => !s.IsAvailable || health.LiveReplicas(s.Shard) == 0).Select(s => s.Shard).ToArray();
        if (down.Length > 0) return HealthCheckResult.Unhealthy($"Shard(s) {string.Join(", ", down)} cannot answer.", data: data);
        return health.IsFullyReplicated
            ? HealthCheckResult.Healthy($"{health.Shards.Count} shards, {health.ReplicaCount} replicas each.", data)
            : HealthCheckResult.Degraded("Every shard answers, but some have fewer replicas than they should.", data: data);
    }
}
