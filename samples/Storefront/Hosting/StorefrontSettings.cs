using ProductSearch.Demo;

namespace Storefront.Hosting;

/// <summary>
/// The storefront's configuration: section <c>ProductSearch</c>, bound to the engine's options as any app binds it
/// (<c>services.AddProductSearch("ProductSearch")</c>), which the command-line switches <c>--index</c>, <c>--model</c>
/// and <c>--device</c> set too. Without an index path the app serves the demo index. With <c>--cluster</c> it searches
/// a ProductSearch cluster through its gateways instead, and opens no index of its own.
/// </summary>
internal static class StorefrontSettings
{
    public const string Section = "ProductSearch";

    /// <summary>The switches the app accepts besides ASP.NET's own (<c>--urls</c>, <c>--environment</c>, …).</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--index"] = $"{Section}:IndexPath",
        ["--model"] = $"{Section}:Model",
        ["--device"] = $"{Section}:Device",
        ["--cluster"] = $"{Section}:Cluster",
    };

    /// <summary>
    /// The gateways of the ProductSearch cluster to search (<c>--cluster 127.0.0.1:30000,127.0.0.1:30001</c>, or
    /// <c>ProductSearch:Cluster</c>), or <c>null</c> when the app searches an index of its own.
    /// </summary>
    public static IReadOnlyList<string>? ClusterGateways(IConfiguration configuration) =>
        configuration[$"{Section}:Cluster"] is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    /// <summary>Whether no index was configured, so the demo index (built on first start) is served.</summary>
    public static bool UsesDemoIndex(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{Section}:IndexPath"]);

    /// <summary>
    /// Registers the engine with its options bound from <see cref="Section"/>, the demo index standing in for a missing
    /// path. Past-query suggestions read the storefront's own behaviour log (<see cref="StorefrontBehaviorLog"/>) unless
    /// <c>ProductSearch:PastQueries:LogFolder</c> names another: what shoppers searched before a restart is still offered.
    /// </summary>
    public static void AddStorefrontSearch(this IServiceCollection services, IConfiguration configuration) =>
        // The host environment is asked for, not required: the engine's options are also built without a host (tests, tools).
        services.AddProductSearch(Section).PostConfigure<IServiceProvider>((options, provider) =>
        {
            if (UsesDemoIndex(configuration)) options.IndexPath = DemoIndex.IndexPath;
            var folder = string.IsNullOrWhiteSpace(options.PastQueries.LogFolder) ? configuration[$"{StorefrontBehaviorLog.Section}:Folder"] : options.PastQueries.LogFolder;
            // Relative to the app, as the behaviour log resolves the same setting (StorefrontBehaviorLog).
            var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            if (!string.IsNullOrWhiteSpace(folder)) options.PastQueries.LogFolder = Path.GetFullPath(folder, root);
        });
}
