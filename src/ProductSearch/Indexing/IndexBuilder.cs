using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// Builds an index folder from a catalog: streams products in batches, embeds their titles, and writes the
/// product store, the BM25 index and the HNSW index of a new generation side by side; the manifest that makes
/// the generation current is written last. A build that fails leaves the previous commit as it was.
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

    /// <summary>HNSW settings (the width is taken from the embedder).</summary>
    public HnswOptions Hnsw { get; init; } = new();

    /// <summary>Builds the index at <paramref name="indexPath"/> from the catalog at <paramref name="catalogPath"/>, its format taken from the extension.</summary>
    /// <exception cref="CatalogException">The catalog is missing or unreadable.</exception>
    /// <exception cref="IndexException">The catalog holds no valid product.</exception>
    public Task<IndexBuildReport> BuildAsync(string catalogPath, string indexPath,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default) =>
        BuildAsync(catalogPath, indexPath, options: new CatalogReadOptions(), progress, cancellationToken);

    /// <summary>Builds the index at <paramref name="indexPath"/> from the catalog at <paramref name="catalogPath"/>, read as <paramref name="options"/> say.</summary>
    /// <exception cref="CatalogException">The catalog is missing or unreadable, or lacks a needed column.</exception>
    /// <exception cref="ArgumentException">The options do not fit the catalog's format.</exception>
    /// <exception cref="IndexException">The catalog holds no valid product.</exception>
    public async Task<IndexBuildReport> BuildAsync(string catalogPath, string indexPath, CatalogReadOptions? options,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var catalog = await CatalogReaders.OpenAsync(catalogPath, options, cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => BuildCoreAsync(catalog, indexPath, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IndexBuildReport> BuildCoreAsync(CatalogReading catalog, string indexPath,
        IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var report = catalog.Report;
        var stopwatch = Stopwatch.StartNew();
        var layout = new IndexLayout(indexPath);
        Directory.CreateDirectory(layout.Root);
        var generation = (layout.HasManifest ? SafeGeneration(layout) : 0) + 1;
        var folder = layout.GenerationFolder(generation);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); // left by a crashed build
        Directory.CreateDirectory(folder);

        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        var duplicates = 0;
        try
        {
            using (var store = ProductStore.OpenWritable(layout.ProductStorePath(generation)))
            using (var lexical = Bm25IndexWriter.Create(layout.LexicalPath(generation)))
            using (var vectors = UsearchIndex.Create(IndexManifest.HnswInfo.From(Hnsw).ToOptions(_embedder.Dimensions)))
            {
                await foreach (var batch in catalog.ReadAsync(cancellationToken).Chunk(BatchSize).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Within a batch the last occurrence of an id wins, as it does across batches.
                    var unique = batch.GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
                    duplicates += batch.Length - unique.Length;
                    var keyed = new (long Key, Product Product)[unique.Length];
                    for (var i = 0; i < unique.Length; i++)
                    {
                        if (keys.TryGetValue(unique[i].Id, out var existing))
                        {
                            duplicates++;
                            vectors.Remove((ulong)existing);
                            keyed[i] = (existing, unique[i]);
                        }
                        else
                        {
                            keyed[i] = (keys[unique[i].Id] = keys.Count + 1, unique[i]);
                        }
                    }

                    var embeddings = _embedder.Embed(unique.Select(p => p.Title).ToArray(), EmbeddingPurpose.Document, cancellationToken);
                    var flat = new float[unique.Length * _embedder.Dimensions];
                    for (var i = 0; i < embeddings.Length; i++) embeddings[i].CopyTo(flat, i * _embedder.Dimensions);
                    // No Reserve per batch (each one reallocates); Add grows capacity geometrically.
                    vectors.Add(keyed.Select(k => (ulong)k.Key).ToArray(), flat);
                    store.Upsert(keyed);
                    foreach (var (key, product) in keyed) lexical.Upsert(key, product);
                    progress?.Report(new IndexBuildProgress(keys.Count, catalog.BytesRead, catalog.Length));
                }

                if (keys.Count == 0)
                    throw new IndexException($"Catalog '{report.Path}' holds no valid product ({report.Skipped} lines skipped" +
                                             (report.OtherLocale > 0 ? $", {report.OtherLocale} of other locales left out" : "") + "); nothing was indexed.");
                lexical.Commit();
                store.Checkpoint();
                vectors.Save(layout.VectorPath(generation));
            }

            var manifest = new IndexManifest
            {
                Generation = generation,
                Model = new IndexManifest.ModelInfo(_embedder.ModelName, _modelSource, _embedder.ModelSha256, _embedder.Dimensions),
                Hnsw = IndexManifest.HnswInfo.From(Hnsw),
                ProductCount = keys.Count,
                BuiltAt = DateTimeOffset.UtcNow,
                BuildSeconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
                Catalog = Path.GetFullPath(report.Path),
                Packages = PackageVersions.Current,
            };
            layout.WriteManifest(manifest);
            layout.DeleteOtherGenerations(generation);
            _logger.LogInformation("Indexed {Count} products into {Path} in {Seconds:F1} s.", keys.Count, layout.Root, stopwatch.Elapsed.TotalSeconds);
            return new IndexBuildReport(layout.Root, manifest, report, duplicates, stopwatch.Elapsed);
        }
        catch
        {
            // The previous commit (if any) is untouched: only this generation's folder goes.
            TryDelete(folder);
            throw;
        }
    }

    private static long SafeGeneration(IndexLayout layout)
    {
        try { return layout.ReadManifest().Generation; }
        catch (IndexException) { return 0; }
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
