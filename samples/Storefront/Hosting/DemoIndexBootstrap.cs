using ProductSearch.Demo;
using Microsoft.Extensions.Options;
using ProductSearch;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace Storefront.Hosting;

/// <summary>
/// Builds the demo index from <c>samples/demo-catalog.jsonl</c> on the first start, as the CLI's first search does
/// (about 15 s on 2 cores). Runs before the engine opens; a failed build is logged and the health endpoint then
/// reports the missing index, rather than the app failing to start.
/// </summary>
internal sealed class DemoIndexBootstrap(IConfiguration configuration, IOptions<SearchEngineOptions> options, ILogger<DemoIndexBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!StorefrontSettings.UsesDemoIndex(configuration)) return;
        var engineOptions = options.Value;
        if (!DemoIndex.NeedsBuildOrUpdate(engineOptions.IndexPath, out var existing)) return;

        var catalog = DemoIndex.CatalogPath;
        var model = (string.IsNullOrWhiteSpace(engineOptions.Model) ? null : engineOptions.Model) ?? existing?.Model.Source ?? BuiltInModels.DefaultName;
        if (existing is not null) logger.LogInformation("The demo index {Index} was built by an older version: updating its lexical index (no re-embedding).", engineOptions.IndexPath);
        else logger.LogInformation("No demo index yet: building {Index} from {Catalog} (once).", engineOptions.IndexPath, catalog);
        try
        {
            using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions
            {
                Model = model,
                Device = engineOptions.Device,
                ModelCacheDirectory = engineOptions.ModelCacheDirectory,
            }, logger);
            var report = await new IndexBuilder(embedder, model, logger).BuildAsync(catalog, engineOptions.IndexPath, cancellationToken: cancellationToken);
            logger.LogInformation("Built the demo index: {Count} products in {Seconds:F1} s.", report.Manifest.ProductCount, report.Elapsed.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogError(ex, "Could not build the demo index at {Index}: {Reason}", engineOptions.IndexPath, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
