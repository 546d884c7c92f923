using ProductSearch.Demo;
using ProductSearch.Indexing;
using ProductSearch;
using ProductSearch.Embedding;

namespace Storefront.Hosting;

/// <summary>
/// The storefront's configuration: section <c>ProductSearch</c> (<c>IndexPath</c>, <c>Model</c>, <c>Device</c>,
/// <c>IntraOpThreads</c>, <c>QueryCacheSize</c>, <c>ResultCacheSize</c>, <c>RefreshInterval</c> as hh:mm:ss), which the command-line switches <c>--index</c>, <c>--model</c> and <c>--device</c> set too.
/// Without an index path the app serves the demo index.
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
    };

    /// <summary>Whether no index was configured, so the demo index (built on first start) is served.</summary>
    public static bool UsesDemoIndex(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{Section}:IndexPath"]);

    /// <summary>Fills engine options from configuration.</summary>
    /// <exception cref="ArgumentException">The device is not one of auto, cpu, cuda, cuda:N.</exception>
    public static void Apply(IConfiguration configuration, SearchEngineOptions options)
    {
        var section = configuration.GetSection(Section);
        options.IndexPath = UsesDemoIndex(configuration) ? DemoIndex.IndexPath : section["IndexPath"]!;
        options.Model = string.IsNullOrWhiteSpace(section["Model"]) ? null : section["Model"];
        options.Device = ComputeDevice.Parse(section["Device"] ?? "auto");
        if (int.TryParse(section["IntraOpThreads"], out var threads)) options.IntraOpThreads = threads;
        if (int.TryParse(section["QueryCacheSize"], out var cacheSize)) options.QueryCacheSize = cacheSize;
        if (int.TryParse(section["ResultCacheSize"], out var resultCacheSize)) options.ResultCacheSize = resultCacheSize;
        if (TimeSpan.TryParse(section["RefreshInterval"], System.Globalization.CultureInfo.InvariantCulture, out var refresh)) options.RefreshInterval = refresh;
    }
}
