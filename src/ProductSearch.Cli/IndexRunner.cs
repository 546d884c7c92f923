using Microsoft.Extensions.Logging;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using Spectre.Console;

namespace ProductSearch.Cli;

/// <summary>Builds an index with a progress bar on a terminal and prints the summary; shared by <c>index</c> and the demo's first search.</summary>
internal static class IndexRunner
{
    public static Task<IndexCommitReport> RunAsync(string catalog, string index, string model, ComputeDevice device,
        ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken, SyncMode mode = SyncMode.Mirror, bool rebuild = false) =>
        RunAsync(catalog, new CatalogReadOptions(), index, model, device, loggers, output, cancellationToken, mode, rebuild);

    public static async Task<IndexCommitReport> RunAsync(string catalog, CatalogReadOptions options, string index, string model, ComputeDevice device,
        ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken, SyncMode mode = SyncMode.Mirror, bool rebuild = false,
        Vector.VectorStorage? storage = null, bool json = false)
    {
        // An existing graph keeps its storage (an update adds to it); changing it means building the graph anew.
        var layout = new IndexLayout(index);
        if (storage is { } wanted && !rebuild && layout.HasManifest && layout.ReadManifest().Hnsw is var hnsw
            && !string.Equals(hnsw.Storage, wanted.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Index '{layout.Root}' stores its vectors as {hnsw.Storage}; add --rebuild to store them as {wanted.ToString().ToLowerInvariant()}.");
        await CatalogReaders.CheckAsync(catalog, options, cancellationToken); // fail (missing file, bad header or column map) before the model loads
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = device }, loggers.CreateLogger("productsearch"));
        var builder = new IndexBuilder(embedder, model, loggers.CreateLogger<IndexBuilder>())
        {
            Mode = mode, Rebuild = rebuild, Hnsw = new Vector.HnswOptions { Storage = storage ?? Vector.VectorStorage.F32 },
        };
        IndexCommitReport report;
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
            // Not a terminal: a line every tenth of the catalog or 10 s, on standard error (standard output is the summary's).
            report = await builder.BuildAsync(catalog, index, options, new ProgressLines(Console.Error, catalog), cancellationToken);
        }

        if (json)
        {
            CliJson.Write(output, Json(report, embedder, options));
            return report;
        }

        output.WriteLine(report.Committed
            ? $"Committed generation {report.Manifest.Generation} of {report.IndexPath}: {Counts.Of(report.Manifest.ProductCount, "product")} " +
              $"({report.Added:N0} added, {report.Updated:N0} updated, {report.Deleted:N0} deleted, {report.Unchanged:N0} unchanged); " +
              $"embedded {Counts.Of(report.Embedded, "title")} with {embedder.ModelName} on {embedder.ActiveDevice} in {report.Elapsed.TotalSeconds:F1} s{Counts.Rate(report.Embedded, report.Elapsed)}."
            : $"Nothing changed: {Counts.Of(report.Unchanged, "product")} of {catalog} {(report.Unchanged == 1 ? "is" : "are")} already in {report.IndexPath} as {(report.Unchanged == 1 ? "it is" : "they are")}; nothing was embedded or committed.");
        foreach (var line in CatalogSummary.Lines(report, options)) output.WriteLine(line);
        return report;
    }

    /// <summary>The <c>--json</c> shape of <c>index</c> and <c>upsert</c> (README: JSON output).</summary>
    private static object Json(IndexCommitReport report, OnnxSentenceEmbedder embedder, CatalogReadOptions options) => new
    {
        index = report.IndexPath,
        committed = report.Committed,
        generation = report.Manifest.Generation,
        products = report.Manifest.ProductCount,
        added = report.Added,
        updated = report.Updated,
        deleted = report.Deleted,
        unchanged = report.Unchanged,
        embedded = report.Embedded,
        duplicate_ids = report.DuplicateIds,
        model = embedder.ModelName,
        device = embedder.ActiveDevice,
        elapsed_s = Math.Round(report.Elapsed.TotalSeconds, 3),
        catalog = report.Catalog is { } c ? new
        {
            path = c.Path,
            format = c.Format?.ToString().ToLowerInvariant(),
            records_read = c.LinesRead,
            accepted = c.Accepted,
            skipped = c.Skipped,
            other_locale = c.OtherLocale,
        } : null,
        notes = CatalogSummary.Lines(report, options).ToArray(),
    };
}
