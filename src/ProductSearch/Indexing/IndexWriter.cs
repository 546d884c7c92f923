using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Embedding;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// Changes an index: adds, replaces and deletes products in the product store, the BM25 index and the HNSW graph
/// together, as one atomic, durable commit per run (see <see cref="GenerationTransaction"/>). Only products whose
/// embedded text changed are embedded again; a run that changes nothing commits nothing. One writer at a time per
/// index folder (<see cref="WriterLock"/>); readers keep searching the previous commit meanwhile.
/// </summary>
public sealed class IndexWriter : IDisposable
{
    private readonly IndexLayout _layout;
    private readonly ITextEmbedder _embedder;
    private readonly string _modelSource;
    private readonly IndexWriterOptions _options;
    private readonly ILogger _logger;
    private readonly WriterLock _lock;

    private IndexWriter(IndexLayout layout, ITextEmbedder embedder, string modelSource, IndexWriterOptions options, ILogger logger, WriterLock writerLock)
    {
        _layout = layout;
        _embedder = embedder;
        _modelSource = modelSource;
        _options = options;
        _logger = logger;
        _lock = writerLock;
    }

    /// <summary>Takes the index's writer lock and checks that <paramref name="embedder"/> is the index's model.</summary>
    /// <param name="indexPath">The index folder (created when missing).</param>
    /// <param name="embedder">The model the index is (or will be) built with.</param>
    /// <param name="modelSource">How to load that model again: a built-in name or a folder.</param>
    /// <param name="options">Options.</param>
    /// <param name="logger">Logger.</param>
    /// <exception cref="IndexLockedException">Another writer holds the index.</exception>
    /// <exception cref="IncompatibleIndexException">The index was built with another model, or in a layout this version does not write (unless rebuilding).</exception>
    /// <exception cref="IndexException">The folder cannot be written (<see cref="ProductSearchErrorReason.StorageFailed"/>: read-only, a full disk).</exception>
    public static IndexWriter Open(string indexPath, ITextEmbedder embedder, string modelSource, IndexWriterOptions? options = null, ILogger? logger = null)
    {
        options ??= new IndexWriterOptions();
        if (options.BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be positive.");
        var layout = new IndexLayout(indexPath);
        var writerLock = WriterLock.Acquire(layout.Root, options.Purpose);
        try
        {
            // Leftovers of writers that died or failed before their commit point go first, whether or not this one commits.
            layout.RemoveLeftovers();
            var writer = new IndexWriter(layout, embedder, modelSource, options, logger ?? NullLogger.Instance, writerLock);
            if (!options.Rebuild && writer.CurrentManifest() is { } manifest)
            {
                // Rewriting a newer layout in this version's would lose what that version recorded: refuse, as search does.
                manifest.EnsureReadableLayout(layout.Root);
                if (!manifest.Model.Matches(embedder)) throw manifest.Model.Mismatch(layout.Root, embedder);
            }
            return writer;
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the products of a catalog: new ones are added, changed ones replaced, and under <see cref="SyncMode.Mirror"/>
    /// products the catalog no longer has are deleted. Within the input, the last occurrence of an id wins.
    /// </summary>
    /// <exception cref="IndexException">A new index would hold no product.</exception>
    public IndexCommitReport Write(IEnumerable<Product> products, CatalogReadReport report, SyncMode mode,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default) =>
        WriteAsync(products.ToAsyncEnumerable(), report, mode, progress, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>As <see cref="Write"/>, for a catalog read asynchronously (<see cref="CatalogReading.ReadAsync"/>).</summary>
    /// <exception cref="CatalogException">A new index would hold no product, or a mirrored catalog none at all.</exception>
    /// <exception cref="IndexException">The current generation is damaged, or the disk is full or read-only; the index is unchanged.</exception>
    public async ValueTask<IndexCommitReport> WriteAsync(IAsyncEnumerable<Product> products, CatalogReadReport report, SyncMode mode,
        IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WriteCoreAsync(products, report, mode, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.Translate(ex, _layout.Root) is { } storage)
        {
            throw storage;
        }
    }

    private async ValueTask<IndexCommitReport> WriteCoreAsync(IAsyncEnumerable<Product> products, CatalogReadReport report, SyncMode mode,
        IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var previous = CurrentManifest();
        // Stores without a manifest: an index that lost it, or a first build that died. Adding a few products to
        // nothing would commit a partial index over them; only a run that writes the whole catalog may start afresh.
        if (previous is null && mode == SyncMode.Upsert && !_options.Rebuild && !_layout.HasManifest && _layout.HasGenerationFolders)
            throw IndexException.Damaged(_layout.Root, $"Index folder '{_layout.Root}' holds generation folders but no manifest.json; nothing was changed.");
        using var transaction = GenerationTransaction.Begin(_layout, previous, HnswFor(previous), cancellationToken: cancellationToken);
        var schema = new SchemaInference(transaction.Schema);
        var counts = new WritePlan.Counts { NextKey = transaction.Store.MaxKey() + 1, KeyOf = _options.KeyOf };
        await using (var pipeline = new WritePipeline(transaction, _embedder, schema, cancellationToken))
        {
            WritePlan? pending = null;
            await foreach (var batch in products.Chunk(_options.BatchSize).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                pending = WritePlan.Of(batch, transaction.Store, pending, counts);
                await pipeline.AcceptAsync(pending).ConfigureAwait(false);
                progress?.Report(new IndexBuildProgress(counts.Seen.Count, 0, 0));
            }
            await pipeline.CompleteAsync().ConfigureAwait(false);
        }
        var seen = counts.Seen;
        int added = counts.Added, updated = counts.Updated, unchanged = counts.Unchanged, embedded = counts.Embedded, duplicates = counts.Duplicates, deleted = 0;

        if (mode == SyncMode.Mirror)
        {
            foreach (var (key, productId) in transaction.Store.Keys().ToArray())
            {
                if (seen.Contains(productId)) continue;
                DeleteKey(transaction, key);
                deleted++;
            }
        }

        // A field this write added was widened after some of its products were indexed with the narrower type.
        if (schema.NeedsReanalysis) transaction.Reanalyse();
        if (schema.ValuesNotFitting > 0)
            _logger.LogWarning("{Count} attribute values do not fit the type the schema gives their field; they are stored but not indexed for it.", schema.ValuesNotFitting);

        var why = $"({report.Skipped} records skipped" + (report.OtherLocale > 0 ? $", {report.OtherLocale} of other locales left out" : "") + ")";
        if (previous is null && seen.Count == 0 && !_options.AllowEmpty)
            throw new CatalogException($"Catalog '{report.Path}' holds no valid product {why}; nothing was indexed.");
        if (mode == SyncMode.Mirror && seen.Count == 0 && !_options.AllowEmpty)
            throw new CatalogException($"Catalog '{report.Path}' holds no valid product {why}; the index was left as it was rather than emptied.");
        return Finish(transaction, previous, report, added, updated, unchanged, deleted, embedded, duplicates, 0, stopwatch);
    }

    /// <summary>Deletes the products with these catalog ids; ids the index does not hold are counted, not errors.</summary>
    /// <exception cref="IndexException">There is no index; its current generation is damaged; or the disk is full or read-only (the index is then unchanged).</exception>
    public IndexCommitReport Delete(IEnumerable<string> productIds, CancellationToken cancellationToken = default)
    {
        try
        {
            return DeleteCore(productIds, cancellationToken);
        }
        catch (Exception ex) when (StorageErrors.Translate(ex, _layout.Root) is { } storage)
        {
            throw storage;
        }
    }

    private IndexCommitReport DeleteCore(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var previous = CurrentManifest() ?? throw IndexException.NotFound(_layout.Root, $"Index folder '{_layout.Root}' holds no index to delete from.");
        using var transaction = GenerationTransaction.Begin(_layout, previous, HnswFor(previous), cancellationToken: cancellationToken);
        int deleted = 0, notFound = 0;
        foreach (var batch in productIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = transaction.Store.Lookup(batch);
            notFound += batch.Length - stored.Count;
            foreach (var (_, entry) in stored)
            {
                DeleteKey(transaction, entry.Key);
                deleted++;
            }
        }
        return Finish(transaction, previous, null, 0, 0, 0, deleted, 0, 0, notFound, stopwatch);
    }

    /// <summary>
    /// Replaces the index's synonyms (<see cref="SynonymRules"/>, Solr format) in one commit, like any other change:
    /// searches pick them up with the commit, no product is re-analysed or re-embedded. <c>null</c> or rules-free text
    /// removes them.
    /// </summary>
    /// <exception cref="SynonymRulesException">A rule cannot be read (the line is named); nothing is committed.</exception>
    /// <exception cref="IndexException">The folder holds no index.</exception>
    public IndexCommitReport SetSynonyms(string? rules)
    {
        var stopwatch = Stopwatch.StartNew();
        var map = rules is null ? null : SynonymRules.Parse(rules); // refused before anything is written
        var previous = CurrentManifest() ?? throw IndexException.NotFound(_layout.Root, $"Index folder '{_layout.Root}' holds no index to set synonyms on.");
        using var transaction = GenerationTransaction.Begin(_layout, previous, HnswFor(previous));
        transaction.SetSynonyms(map is null ? null : rules);
        return Finish(transaction, previous, null, 0, 0, 0, 0, 0, 0, 0, stopwatch, changedOtherwise: true);
    }

    /// <summary>
    /// Replaces the index's merchandising rules in one commit, like any other change: searches of this commit on apply
    /// them, older snapshots keep theirs. <c>null</c> or an empty set removes them. A rule may name products the index
    /// does not hold: it is kept, and the report lists them (<see cref="IndexCommitReport.UnknownRuleProducts"/>).
    /// </summary>
    /// <exception cref="IndexException">The folder holds no index.</exception>
    /// <exception cref="Merchandising.MerchandisingRulesException">A boost or bury condition names a field the index's schema lacks or does not filter, or a value of the wrong type; nothing is committed.</exception>
    public IndexCommitReport SetMerchandisingRules(Merchandising.MerchandisingRuleSet? rules)
    {
        var stopwatch = Stopwatch.StartNew();
        rules ??= Merchandising.MerchandisingRuleSet.Empty;
        var previous = CurrentManifest() ?? throw IndexException.NotFound(_layout.Root, $"Index folder '{_layout.Root}' holds no index to set merchandising rules on.");
        rules.CheckAgainst(IndexSchema.Read(_layout.GenerationFolder(previous.Generation)));
        using var transaction = GenerationTransaction.Begin(_layout, previous, HnswFor(previous));
        transaction.SetMerchandisingRules(rules);
        var unknown = MerchandisingRulesStore.UnknownProducts(rules, transaction.Store);
        return Finish(transaction, previous, null, 0, 0, 0, 0, 0, 0, 0, stopwatch, changedOtherwise: true) with { UnknownRuleProducts = unknown };
    }

    /// <summary>
    /// Sets fields of the index's schema (<see cref="IndexSchema"/>) in one commit: the fields named are added or
    /// replaced, the others keep their settings. A change of type or of searchable re-analyses the lexical index from
    /// the stored products (nothing is re-embedded); flags and boosts take effect with the commit.
    /// </summary>
    /// <param name="fields">The fields to set (see <see cref="IndexSchema.ParseFields"/>).</param>
    /// <param name="allowTypeChanges">Accept a field's new type (its values are re-indexed as that type; those that do not fit it are left out of its index).</param>
    /// <exception cref="SchemaException">A field cannot be set so, or changes its type without <paramref name="allowTypeChanges"/>; nothing is committed.</exception>
    /// <exception cref="IndexException">The folder holds no index.</exception>
    public IndexCommitReport SetSchema(IReadOnlyDictionary<string, SchemaField> fields, bool allowTypeChanges = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var stopwatch = Stopwatch.StartNew();
        var previous = CurrentManifest() ?? throw IndexException.NotFound(_layout.Root, $"Index folder '{_layout.Root}' holds no index to set a schema on.");
        var current = IndexSchema.Read(_layout.GenerationFolder(previous.Generation));
        var next = current.With(fields);
        if (current.TypeChanges(next) is [var first, ..] && !allowTypeChanges)
            throw new SchemaException($"The schema changes the type of field '{first}' ({IndexSchema.Name(current.Fields[first].Type)} → " +
                $"{IndexSchema.Name(next.Fields[first].Type)}); a type change re-indexes the field and must be asked for as a rebuild.");
        using var transaction = GenerationTransaction.Begin(_layout, previous, HnswFor(previous), next, reanalyse: current.NeedingReanalysis(next).Count > 0);
        return Finish(transaction, previous, null, 0, 0, 0, 0, 0, 0, 0, stopwatch, changedOtherwise: true);
    }

    private IndexCommitReport Finish(GenerationTransaction transaction, IndexManifest? previous, CatalogReadReport? report,
        int added, int updated, int unchanged, int deleted, int embedded, int duplicates, int notFound, Stopwatch stopwatch, bool changedOtherwise = false)
    {
        if (previous is not null && added + updated + deleted == 0 && previous.HasCurrentLexicalAnalysis && !changedOtherwise)
        {
            _logger.LogInformation("Nothing changed in {Path}; no commit.", _layout.Root);
            return new IndexCommitReport(_layout.Root, previous, report, 0, 0, unchanged, 0, 0, duplicates, notFound, false, stopwatch.Elapsed);
        }
        if (transaction.LinkRefused is { } refused && NoHardLinks.TryAdd(_layout.Root, true))
            _logger.LogWarning("The file system of {Path} refuses hard links ({Reason}); each commit copies the files it would have shared.", _layout.Root, refused);
        var manifest = transaction.Commit(count => new IndexManifest
        {
            Generation = transaction.Generation,
            Model = new IndexManifest.ModelInfo(_embedder.ModelName, _modelSource, _embedder.ModelSha256, _embedder.Dimensions),
            Hnsw = IndexManifest.HnswInfo.From(HnswFor(previous)),
            ProductCount = count,
            BuiltAt = DateTimeOffset.UtcNow,
            BuildSeconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
            Catalog = report is null ? previous?.Catalog : Path.GetFullPath(report.Path),
            LexicalAnalysis = ProductAnalyzer.Name,
            Packages = PackageVersions.Current,
        });
        _logger.LogInformation("Committed generation {Generation} of {Path}: {Added} added, {Updated} updated, {Deleted} deleted, {Embedded} embedded, {Count} products.",
            manifest.Generation, _layout.Root, added, updated, deleted, embedded, manifest.ProductCount);
        return new IndexCommitReport(_layout.Root, manifest, report, added, updated, unchanged, deleted, embedded, duplicates, notFound, true, stopwatch.Elapsed)
        {
            CarriedBytes = transaction.CarriedBytes,
        };
    }

    /// <summary>Index folders whose file system refused hard links, so that it is said once per process, not at every commit.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> NoHardLinks = new(StringComparer.Ordinal);

    private static void DeleteKey(GenerationTransaction transaction, long key)
    {
        transaction.Store.Delete(key);
        transaction.Lexical.Delete(key);
        transaction.RemoveVector(key);
    }

    /// <summary>
    /// The graph's settings: an existing index keeps its own; a new one takes the options', with the distance that
    /// matches the model's similarity function (cosine, dot or euclidean), so the graph ranks as the model was trained.
    /// </summary>
    private HnswOptions HnswFor(IndexManifest? previous)
    {
        if (previous is not null) return previous.Hnsw.ToOptions(previous.Model.Dimensions);
        var options = IndexManifest.HnswInfo.From(_options.Hnsw).ToOptions(_embedder.Dimensions);
        options.Metric = _embedder.Similarity.ToMetric();
        return options;
    }

    private IndexManifest? CurrentManifest() => _options.Rebuild || !_layout.HasManifest ? null : _layout.ReadManifest();

    /// <summary>Releases the writer lock.</summary>
    public void Dispose() => _lock.Dispose();
}
