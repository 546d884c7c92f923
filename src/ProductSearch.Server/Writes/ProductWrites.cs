using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Server.Metrics;

namespace ProductSearch.Server.Writes;

/// <summary>What a write did, as the API answers it.</summary>
/// <param name="Generation">The index commit now served (the new one, or the same when nothing changed).</param>
/// <param name="Committed">Whether the write made a commit (false when it changed nothing).</param>
/// <param name="Added">Products new to the index.</param>
/// <param name="Updated">Products whose stored fields changed.</param>
/// <param name="Unchanged">Products sent exactly as stored.</param>
/// <param name="Deleted">Products removed.</param>
/// <param name="NotFound">Ids to delete that the index did not hold.</param>
/// <param name="Embedded">Products whose title was embedded (new, or the title changed).</param>
/// <param name="Products">Products in the index after the write.</param>
internal sealed record WriteResult(long Generation, bool Committed, int Added, int Updated, int Unchanged, int Deleted, int NotFound, int Embedded, long Products);

/// <summary>Why a write did not run: another write holds the index (409), or the index cannot be served (503).</summary>
internal sealed class WriteConflictException(string message) : Exception(message);

/// <summary>A partial update that would make the product invalid; carries the refusal to answer 400 with.</summary>
internal sealed class WriteRefusalException(WriteRefusal refusal) : Exception(refusal.Message)
{
    public WriteRefusal Refusal { get; } = refusal;
}

/// <summary>
/// The service's writes: each one commit through the core's <see cref="IndexWriter"/> (which re-embeds only products
/// whose title changed), then the engine moves to the new commit at once, so the next search sees it. One write at a
/// time: a write waits up to <see cref="ProductSearchServerOptions.WriteWait"/> for the one before it, then is refused;
/// an index held by another process (the CLI) refuses it at once.
/// </summary>
internal sealed class ProductWrites(SearchEngineProvider provider, IOptions<ProductSearchServerOptions> options, ServerMetrics metrics, ILogger<ProductWrites> logger)
    : IDisposable
{
    private const string Purpose = "productsearch serve";
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Adds or replaces <paramref name="products"/>.</summary>
    public Task<WriteResult> UpsertAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken) =>
        RunAsync(async (writer, _) => await writer.WriteAsync(products.ToAsyncEnumerable(), new CatalogReadReport { Path = "PUT /products" }, SyncMode.Upsert,
            cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Changes some fields of one product, read under the writer lock from the newest commit; <c>null</c> when the
    /// index holds no product with that id. <paramref name="change"/> returns the changed product, or throws
    /// <see cref="WriteRefusalException"/>.
    /// </summary>
    public Task<WriteResult?> PatchAsync(string productId, Func<Product, Product> change, CancellationToken cancellationToken) =>
        RunNullableAsync(async (writer, engine) =>
        {
            if (engine.GetProduct(productId) is not { } current) return null;
            var changed = change(current);
            return await writer.WriteAsync(new[] { changed }.ToAsyncEnumerable(), new CatalogReadReport { Path = $"PATCH /products/{productId}" }, SyncMode.Upsert,
                cancellationToken: cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes the products with these ids; ids the index does not hold are counted.</summary>
    public Task<WriteResult> DeleteAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken) =>
        RunAsync((writer, _) => Task.FromResult(writer.Delete(productIds, cancellationToken)), cancellationToken);

    /// <summary>
    /// A change of the index's settings (schema, merchandising rules) rather than its products, as one commit under the
    /// same lock as product writes; the engine serves it before this returns.
    /// </summary>
    public async Task<IndexCommitReport> ChangeSettingsAsync(Func<IndexWriter, IndexCommitReport> change, CancellationToken cancellationToken) =>
        (await CommitAsync((writer, _) => Task.FromResult<IndexCommitReport?>(change(writer)), cancellationToken))!;

    private async Task<WriteResult> RunAsync(Func<IndexWriter, SearchEngine, Task<IndexCommitReport>> write, CancellationToken cancellationToken) =>
        (await RunNullableAsync(async (w, e) => await write(w, e), cancellationToken))!;

    private async Task<WriteResult?> RunNullableAsync(Func<IndexWriter, SearchEngine, Task<IndexCommitReport?>> write, CancellationToken cancellationToken) =>
        await CommitAsync(write, cancellationToken) is { } report
            ? new WriteResult(report.Manifest.Generation, report.Committed, report.Added, report.Updated, report.Unchanged, report.Deleted, report.NotFound,
                report.Embedded, report.Manifest.ProductCount)
            : null;

    private async Task<IndexCommitReport?> CommitAsync(Func<IndexWriter, SearchEngine, Task<IndexCommitReport?>> write, CancellationToken cancellationToken)
    {
        if (!await _one.WaitAsync(options.Value.WriteWait, cancellationToken))
            throw new WriteConflictException($"Another write has held the index for more than {options.Value.WriteWait.TotalSeconds:0.#} s; try again.");
        try
        {
            var engine = provider.Engine;
            var stopwatch = Stopwatch.StartNew();
            // The engine's own model embeds changed titles: the index's model, already loaded, shared with searches.
            using var writer = IndexWriter.Open(engine.IndexPath, engine.Embedder, engine.Manifest.Model.Source, new IndexWriterOptions { Purpose = Purpose }, logger);
            // A CLI upsert may have committed since the engine last looked: read (and patch) the newest commit.
            engine.Refresh();
            var report = await write(writer, engine);
            if (report is null) return null;
            if (report.Committed)
            {
                engine.Refresh();
                metrics.Committed(stopwatch.Elapsed);
            }
            return report;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
