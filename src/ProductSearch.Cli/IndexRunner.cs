using Microsoft.Extensions.Logging;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using Spectre.Console;

namespace ProductSearch.Cli;

/// <summary>Builds an index with a progress bar on a terminal and prints the summary; shared by <c>index</c> and the demo's first search.</summary>
internal static class IndexRunner
{
    public static async Task<IndexCommitReport> RunAsync(string catalog, string index, string model, ComputeDevice device,
        ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken, SyncMode mode = SyncMode.Mirror, bool rebuild = false)
    {
        JsonlCatalogReader.EnsureReadable(catalog); // fail before the model loads
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = device }, loggers.CreateLogger("productsearch"));
        var builder = new IndexBuilder(embedder, model, loggers.CreateLogger<IndexBuilder>()) { Mode = mode, Rebuild = rebuild };
        IndexCommitReport report;
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var total = CountLines(catalog);
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Embedding titles ({embedder.ModelName}, {embedder.ActiveDevice})", maxValue: Math.Max(total, 1));
                    var progress = new Progress<IndexBuildProgress>(p => task.Value = Math.Min(p.ProductsDone, total));
                    var result = await builder.BuildAsync(catalog, index, progress, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        else
        {
            report = await builder.BuildAsync(catalog, index, null, cancellationToken);
        }

        var rate = report.Embedded / Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        output.WriteLine(report.Committed
            ? $"Committed generation {report.Manifest.Generation} of {report.IndexPath}: {report.Manifest.ProductCount:N0} products " +
              $"({report.Added:N0} added, {report.Updated:N0} updated, {report.Deleted:N0} deleted, {report.Unchanged:N0} unchanged); " +
              $"embedded {report.Embedded:N0} titles with {embedder.ModelName} on {embedder.ActiveDevice} in {report.Elapsed.TotalSeconds:F1} s ({rate:F0}/s)."
            : $"Nothing changed: {report.Unchanged:N0} products of {catalog} are already in {report.IndexPath} as they are; nothing was embedded or committed.");
        if (report.DuplicateIds > 0)
            output.WriteLine($"{report.DuplicateIds} duplicate product ids: the last occurrence of each was kept.");
        if (report.Catalog is { Skipped: > 0 } read)
            output.WriteLine($"Skipped {read.Skipped} catalog lines (first line numbers: {string.Join(", ", read.SkippedLines)}); {read.FirstProblem}.");
        return report;
    }

    private static long CountLines(string path)
    {
        try { return File.ReadLines(path).LongCount(l => !string.IsNullOrWhiteSpace(l)); }
        catch (IOException) { return 0; }
    }
}
