using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProductSearch;

/// <summary>Registers ProductSearch in a <see cref="IServiceCollection"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="SearchEngine"/> opened with the configured <see cref="SearchEngineOptions"/>
    /// on first use, and disposed with the container.
    /// </summary>
    public static IServiceCollection AddProductSearch(this IServiceCollection services, Action<SearchEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddSingleton(provider => SearchEngine.Open(
            provider.GetRequiredService<IOptions<SearchEngineOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        return services;
    }
}
