using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductSearch;
using ProductSearch.AspNetCore;

// The conventional namespace for service registration, so `services.AddProductSearch(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ProductSearch in an app's services.</summary>
public static class ProductSearchServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddProductSearch(IServiceCollection, string)"/> binds by default.</summary>
    public const string DefaultSection = "ProductSearch";

    /// <summary>
    /// Adds one shared, thread-safe <see cref="SearchEngine"/> behind <see cref="SearchEngineProvider"/>, with its options
    /// bound from the configuration section <paramref name="sectionPath"/> (<c>IndexPath</c>, <c>Model</c>,
    /// <c>Device</c> as <c>auto</c>/<c>cpu</c>/<c>cuda:N</c>, <c>IntraOpThreads</c>, <c>RefreshInterval</c> as
    /// <c>hh:mm:ss</c>, <c>QueryCacheSize</c>, <c>ResultCacheSize</c>, <c>ModelCacheDirectory</c>) and checked when the
    /// app starts. See <see cref="AddProductSearch(IServiceCollection, Action{SearchEngineOptions})"/> for the rest.
    /// </summary>
    public static OptionsBuilder<SearchEngineOptions> AddProductSearch(this IServiceCollection services, string sectionPath = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        return AddCore(services).BindConfiguration(sectionPath);
    }

    /// <summary>
    /// Adds one shared, thread-safe <see cref="SearchEngine"/> behind <see cref="SearchEngineProvider"/> (also registered
    /// as the app's <see cref="IProductSearchSource"/>), configured by
    /// <paramref name="configure"/> (index folder, model, device, default ranking profile) and checked when the app
    /// starts (<c>ValidateOnStart</c>: a bad option stops start-up with its name). The engine is opened while the app
    /// starts, disposed when the app stops, and reported by a health check named <see cref="SearchEngineHealthCheck.Name"/>
    /// (tagged <c>ready</c>); map it with <c>app.MapHealthChecks("/health")</c>. A missing or damaged index does not
    /// stop the app: the health check says unhealthy with the reason.
    /// </summary>
    public static IServiceCollection AddProductSearch(this IServiceCollection services, Action<SearchEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<SearchEngineOptions> AddCore(IServiceCollection services)
    {
        services.TryAddSingleton<SearchEngineProvider>();
        services.TryAddSingleton<IProductSearchSource>(provider => provider.GetRequiredService<SearchEngineProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchEngineOptions>>(new OwnRulesValidator<SearchEngineOptions>(o => o.Validate())));
        services.AddHostedService<SearchEngineStartup>();
        services.AddHealthChecks().AddCheck<SearchEngineHealthCheck>(SearchEngineHealthCheck.Name, HealthStatus.Unhealthy, ["ready"]);
        return services.AddOptions<SearchEngineOptions>().ValidateOnStart();
    }
}
