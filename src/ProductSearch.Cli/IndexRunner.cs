using Microsoft.Extensions.Logging;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using Spectre.Console;

namespace ProductSearch.Cli;

/// <summary>Builds an index with a progress bar on a terminal and prints the summary; shared by <c>index</c> and the demo's first search.</summary>
internal static class IndexRunner
{
    public static Task<IndexBuildReport> RunAsync(string catalog, string index, string model, ComputeDevice device,
        ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(catalog, new CatalogReadOptions(), index, model, device, loggers, output, cancellationToken);

    public static async Task<IndexBuildReport> RunAsync(string catalog, CatalogReadOptions options, string index, string model, ComputeDevice device,
        ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken)
    {
        await CatalogReaders.CheckAsync(catalog, options, cancellationToken); // fail (missing file, bad header or column map) before the model loads
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = device }, loggers.CreateLogger("productsearch"));
        var builder = new IndexBuilder(embedder, model, loggers.CreateLogger<IndexBuilder>());
        IndexBuildReport report;
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Progress by bytes read: known up front for every format, without a pass over the file to count records.
            var total = Math.Max(new FileInfo(catalog).Length, 1);
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Embedding titles ({embedder.ModelName}, {embedder.ActiveDevice})", maxValue: total);
                    var progress = new Progress<IndexBuildProgress>(p => task.Value = Math.Min(p.BytesRead, total));
                    var result = await builder.BuildAsync(catalog, index, options, progress, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        else
        {
            report = await builder.BuildAsync(catalog, index, options, progress: null, cancellationToken);
        }

        output.WriteLine($"Indexed {report.Manifest.ProductCount:N0} products from {catalog} into {report.IndexPath} in {report.Elapsed.TotalSeconds:F1} s " +
                         $"(model {report.Manifest.Model.Name}, {report.Manifest.Model.Dimensions}-d, {embedder.ActiveDevice}; " +
                         $"{report.Manifest.ProductCount / Math.Max(report.Elapsed.TotalSeconds, 1e-9):F0} products/s).");
        foreach (var line in CatalogSummary.Lines(report, options)) output.WriteLine(line);
        return report;
    }
}
