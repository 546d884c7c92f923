using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Behavior;

// The conventional namespace for service registration, as AddProductSearch.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the behaviour log (searches and shoppers' events in the UBI format) in an app's services.</summary>
public static class BehaviorLogServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddProductSearchBehaviorLog(IServiceCollection, string)"/> binds by default.</summary>
    public const string DefaultSection = "ProductSearch:BehaviorLog";

    /// <summary>
    /// Adds one shared <see cref="BehaviorLogWriter"/> with its options bound from the configuration section
    /// <paramref name="sectionPath"/> (<c>Folder</c>, <c>QueueCapacity</c>, <c>MaxFileBytes</c>) and checked when the
    /// app starts. See <see cref="AddProductSearchBehaviorLog(IServiceCollection, Action{BehaviorLogOptions})"/>.
    /// </summary>
    public static OptionsBuilder<BehaviorLogOptions> AddProductSearchBehaviorLog(this IServiceCollection services, string sectionPath = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        return AddCore(services).BindConfiguration(sectionPath);
    }

    /// <summary>
    /// Adds one shared, thread-safe <see cref="BehaviorLogWriter"/> configured by <paramref name="configure"/> (at least
    /// <see cref="BehaviorLogOptions.Folder"/>), checked when the app starts. Endpoints take it from the services and
    /// call <c>TryWrite</c> with a <see cref="UbiQuery"/> per search (<see cref="UbiQueries.FromSearch"/>) and a
    /// <see cref="UbiEvent"/> per impression or click; a write never throws and never waits for the disk. What is
    /// queued is written out when the app stops.
    /// </summary>
    public static IServiceCollection AddProductSearchBehaviorLog(this IServiceCollection services, Action<BehaviorLogOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<BehaviorLogOptions> AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BehaviorLogOptions>>(new OwnRulesValidator<BehaviorLogOptions>(o => o.Validate())));
        services.TryAddSingleton(provider => new BehaviorLogWriter(
            provider.GetRequiredService<IOptions<BehaviorLogOptions>>().Value,
            provider.GetService<ILogger<BehaviorLogWriter>>(),
            provider.GetService<TimeProvider>()));
        return services.AddOptions<BehaviorLogOptions>().ValidateOnStart();
    }
}
