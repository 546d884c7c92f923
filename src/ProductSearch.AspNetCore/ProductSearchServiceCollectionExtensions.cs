using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductSearch;
using ProductSearch.AspNetCore;

// The conventional namespace for service registration, so `services.AddProductSearch(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ProductSearch in an app's services.</summary>
public static class ProductSearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds one shared, thread-safe <see cref="SearchEngine"/> behind <see cref="SearchEngineProvider"/>, configured by
    /// <paramref name="configure"/> (index folder, model, device, default ranking profile). It is opened while the app
    /// starts, disposed when the app stops, and reported by a health check named
    /// <see cref="SearchEngineHealthCheck.Name"/> (tagged <c>ready</c>); map it with <c>app.MapHealthChecks("/health")</c>.
    /// A missing or damaged index does not stop the app: the health check says unhealthy with the reason.
    /// </summary>
    public static IServiceCollection AddProductSearch(this IServiceCollection services, Action<SearchEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SearchEngineOptions>().Configure(configure);
        services.TryAddSingleton<SearchEngineProvider>();
        services.AddHostedService<SearchEngineStartup>();
        services.AddHealthChecks().AddCheck<SearchEngineHealthCheck>(SearchEngineHealthCheck.Name, HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
