using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductSearch.AspNetCore;

/// <summary>
/// Healthy when the index is open; unhealthy, with the reason, when it could not be opened. The data carries what an
/// operator checks first: the index folder, product count, generation, model and device.
/// </summary>
public sealed class SearchEngineHealthCheck(SearchEngineProvider provider) : IHealthCheck
{
    /// <summary>The name <c>AddProductSearch</c> registers this check under.</summary>
    public const string Name = "productsearch";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Status;
        var data = new Dictionary<string, object>
        {
            ["indexPath"] = status.IndexPath,
        };
        if (status.ProductCount is { } count) data["products"] = count;
        if (status.Generation is { } generation) data["generation"] = generation;
        if (status.BuiltAt is { } builtAt) data["builtAt"] = builtAt.ToString("O", CultureInfo.InvariantCulture);
        if (status.Model is { } model) data["model"] = model;
        if (status.Device is { } device) data["device"] = device;
        if (status.OpenedAt is { } openedAt) data["openedAt"] = openedAt.ToString("O", CultureInfo.InvariantCulture);

        return Task.FromResult(status.IsAvailable
            ? HealthCheckResult.Healthy($"Index loaded: {status.ProductCount:N0} products.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, status.Reason, data: data));
    }
}
