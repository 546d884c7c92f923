using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// Indexes a catalog file (JSONL, CSV/TSV or ESCI Parquet): streams its products in batches through an
/// <see cref="IndexWriter"/>, which embeds the titles that are new or changed and commits the product store, the BM25
/// index and the HNSW graph together. On an existing index, <see cref="SyncMode.Mirror"/> (the default) leaves it
/// holding exactly the catalog, and an unchanged catalog embeds and commits nothing. A run that fails leaves the
/// previous commit as it was.
/// </summary>
public sealed class IndexBuilder
{
    private readonly ITextEmbedder _embedder;
    private readonly string _modelSource;
    private readonly ILogger _logger;

    /// <summary>Creates a builder that embeds with <paramref name="embedder"/>.</summary>
    /// <param name="embedder">The embedder.</param>
    /// <param name="modelSource">How to load the model again at search time: a built-in name or a folder.</param>
    /// <param name="logger">Logger.</param>
    public IndexBuilder(ITextEmbedder embedder, string modelSource, ILogger? logger = null)
    {
        _embedder = embedder;
        _modelSource = modelSource;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Products embedded and written per batch.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>HNSW settings of a new index (the width is taken from the embedder).</summary>
    public HnswOptions Hnsw { get; init; } = new();

    /// <summary>Mirror the catalog (delete what it lacks) or only add and replace.</summary>
    public SyncMode Mode { get; init; } = SyncMode.Mirror;

    /// <summary>Ignore the current commit and build from nothing.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Indexes the catalog at <paramref name="catalogPath"/>, its format taken from the extension.</summary>
    /// <exception cref="CatalogException">The catalog is missing or unreadable.</exception>
    /// <exception cref="IndexException">The catalog holds no valid product, or the index was built with another model.</exception>
    /// <exception cref="IndexLockedException">Another writer holds the index.</exception>
    public Task<IndexCommitReport> BuildAsync(string catalogPath, string indexPath,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default) =>
        BuildAsync(catalogPath, indexPath, options: new CatalogReadOptions(), progress, cancellationToken);

    /// <summary>Indexes the catalog at <paramref name="catalogPath"/>, read as <paramref name="options"/> say.</summary>
    /// <exception cref="CatalogException">The catalog is missing or unreadable, or lacks a needed column.</exception>
    /// <exception cref="ArgumentException">The options do not fit the catalog's format.</exception>
    /// <exception cref="IndexException">The catalog holds no valid product, or the index was built with another model.</exception>
    /// <exception cref="IndexLockedException">Another writer holds the index.</exception>
    public async Task<IndexCommitReport> BuildAsync(string catalogPath, string indexPath, CatalogReadOptions? options,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var catalog = await CatalogReaders.OpenAsync(catalogPath, options, cancellationToken).ConfigureAwait(false);
        return await Task.Run(async () =>
        {
            using var writer = IndexWriter.Open(indexPath, _embedder, _modelSource, new IndexWriterOptions
            {
                BatchSize = BatchSize, Hnsw = Hnsw, Rebuild = Rebuild,
                Purpose = Mode == SyncMode.Mirror ? "productsearch index" : "productsearch upsert",
            }, _logger);
            // Bytes read as of this report, read now: a Progress<T> would read them when its posted callback runs, by then
            // perhaps at the end of the file.
            var byBytes = progress is null ? null
                : new ReportNow(p => progress.Report(p with { BytesRead = catalog.BytesRead, BytesTotal = catalog.Length }));
            return await writer.WriteAsync(catalog.ReadAsync(cancellationToken), catalog.Report, Mode, byBytes, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Passes each report on at once, on the reporting thread.</summary>
    private sealed class ReportNow(Action<IndexBuildProgress> report) : IProgress<IndexBuildProgress>
    {
        public void Report(IndexBuildProgress value) => report(value);
    }
}
