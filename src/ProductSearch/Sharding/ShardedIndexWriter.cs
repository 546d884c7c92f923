using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Sharding;

/// <summary>
/// What a write to a sharded index did: each shard's own report, and the cluster generation searches read now.
/// </summary>
/// <param name="IndexPath">The sharded index folder.</param>
/// <param name="Generations">The cluster generation after the write (unchanged when nothing changed).</param>
/// <param name="Shards">Each shard's report, in shard order.</param>
/// <param name="Committed">Whether a new cluster generation was committed.</param>
public sealed record ShardedCommitReport(string IndexPath, ClusterGenerations Generations, IReadOnlyList<IndexCommitReport> Shards, bool Committed)
{
    /// <summary>Products new to the index.</summary>
    public int Added => Shards.Sum(s => s.Added);

    /// <summary>Products replaced.</summary>
    public int Updated => Shards.Sum(s => s.Updated);

    /// <summary>Products removed.</summary>
    public int Deleted => Shards.Sum(s => s.Deleted);

    /// <summary>Products embedded (each once, by the shard that holds it).</summary>
    public int Embedded => Shards.Sum(s => s.Embedded);

    /// <summary>Products the index holds.</summary>
    public long ProductCount => Generations.Shards.Sum(m => m.ProductCount);

    /// <summary>After <see cref="ShardedIndexWriter.SetMerchandisingRules"/>: the products the rules pin or hide that no shard holds.</summary>
    public IReadOnlyList<Merchandising.RuleProduct> UnknownRuleProducts =>
        Shards.Count == 0 ? [] : Shards.Skip(1).Aggregate((IEnumerable<Merchandising.RuleProduct>)Shards[0].UnknownRuleProducts, (unknown, shard) => unknown.Intersect(shard.UnknownRuleProducts)).ToArray();
}

/// <summary>
/// Changes a sharded index: routes every product to its shard (<see cref="ShardRouter"/>), writes each shard with an
/// ordinary <see cref="IndexWriter"/> (its atomic generations and single writer), each product embedded once by the
/// shard that holds it, then makes the batch visible at once by moving <c>generations.json</c>
/// (<see cref="ClusterGenerations"/>). Until then searches read the previous cluster generation, whose shard commits
/// are kept (read-locked) until it is replaced; a writer that dies before the move leaves that generation standing,
/// and the next writer puts any shard that committed beyond it back.
/// </summary>
public sealed class ShardedIndexWriter : IDisposable
{
    private readonly ShardedIndexLayout _layout;
    private readonly ClusterManifest _manifest;
    private readonly ITextEmbedder _embedder;
    private readonly string _modelSource;
    private readonly IndexWriterOptions _options;
    private readonly ILogger _logger;
    private readonly WriterLock _lock;

    private ShardedIndexWriter(ShardedIndexLayout layout, ClusterManifest manifest, ITextEmbedder embedder, string modelSource, IndexWriterOptions options,
        ILogger logger, WriterLock writerLock)
    {
        _layout = layout;
        _manifest = manifest;
        _embedder = embedder;
        _modelSource = modelSource;
        _options = options;
        _logger = logger;
        _lock = writerLock;
        Router = new ShardRouter(manifest.ShardCount);
    }

    /// <summary>How products are routed to this index's shards.</summary>
    public ShardRouter Router { get; }

    /// <summary>The sharded index folder.</summary>
    public string IndexPath => _layout.Root;

    /// <summary>
    /// Takes the sharded index's writer lock; creates the index with <paramref name="shardCount"/> shards when the
    /// folder holds none (the count is fixed from then on).
    /// </summary>
    /// <param name="indexPath">The sharded index folder.</param>
    /// <param name="shardCount">The number of shards: required to create an index; when given for an existing one, it must match.</param>
    /// <param name="embedder">The model the index is (or will be) embedded with.</param>
    /// <param name="modelSource">How to load that model again: a built-in name or a folder.</param>
    /// <param name="options">Options each shard's writer is opened with.</param>
    /// <param name="logger">Logger.</param>
    /// <exception cref="ArgumentException">No shard count to create an index with, or one other than the index's.</exception>
    /// <exception cref="IndexLockedException">Another writer holds the index.</exception>
    /// <exception cref="IncompatibleIndexException">The index was built with another model.</exception>
    public static ShardedIndexWriter Open(string indexPath, int? shardCount, ITextEmbedder embedder, string modelSource, IndexWriterOptions? options = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var layout = new ShardedIndexLayout(indexPath);
        if (!layout.Exists && shardCount is null)
            throw new ArgumentException($"Folder '{layout.Root}' holds no sharded index; creating one needs a shard count.", nameof(shardCount));
        if (!layout.Exists) _ = new ShardRouter(shardCount!.Value); // refuses a count out of range before anything is written
        Directory.CreateDirectory(layout.Root);
        var writerLock = WriterLock.Acquire(layout.Root, options?.Purpose ?? "productsearch sharded index");
        try
        {
            var model = new IndexManifest.ModelInfo(embedder.ModelName, modelSource, embedder.ModelSha256, embedder.Dimensions);
            ClusterManifest manifest;
            if (layout.Exists)
            {
                manifest = layout.ReadManifest();
                if (shardCount is { } count && count != manifest.ShardCount)
                    throw new ArgumentException($"Sharded index '{layout.Root}' has {manifest.ShardCount} shards, not {count}; the count is fixed when it is created.", nameof(shardCount));
                if (!manifest.Model.Matches(embedder))
                    throw new IncompatibleIndexException(IndexIncompatibility.OtherModel, layout.Root,
                        $"Sharded index '{layout.Root}' is embedded with '{manifest.Model.Name}', not '{embedder.ModelName}'.");
            }
            else
            {
                manifest = new ClusterManifest { ShardCount = shardCount!.Value, Model = model, CreatedAt = DateTimeOffset.UtcNow };
                layout.WriteManifest(manifest);
            }
            var writer = new ShardedIndexWriter(layout, manifest, embedder, modelSource, options ?? new IndexWriterOptions(), logger ?? NullLogger.Instance, writerLock);
            writer.RestoreShards();
            return writer;
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the products of a catalog, each to its shard: new ones added, changed ones replaced, and under
    /// <see cref="SyncMode.Mirror"/> products the catalog no longer has deleted; then commits one cluster generation.
    /// </summary>
    /// <exception cref="CatalogException">A new index would hold no product.</exception>
    public ShardedCommitReport Write(IEnumerable<Product> products, CatalogReadReport report, SyncMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(report);
        var previous = CurrentGenerations();
        var routed = Enumerable.Range(0, Router.ShardCount).Select(_ => new List<Product>()).ToArray();
        // Keys in the order products arrive, across shards, as one index gives them (ties in ranking fall to the lower key).
        var nextKey = _options.Rebuild || previous is null ? 1 : previous.NextKey;
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var product in products.Select(WellFormedText.Of))
        {
            if (keys.TryAdd(product.Id, nextKey)) nextKey++;
            routed[Router.ShardOf(product.Id)].Add(product);
        }
        if (previous is null && keys.Count == 0)
            throw new CatalogException($"Catalog '{report.Path}' holds no valid product; nothing was indexed.");
        if (mode == SyncMode.Mirror && keys.Count == 0)
            throw new CatalogException($"Catalog '{report.Path}' holds no valid product; the index was left as it was rather than emptied.");
        return Commit(previous, nextKey, (shard, writer) => writer.Write(routed[shard], report, mode, cancellationToken: cancellationToken), keys);
    }

    /// <summary>Deletes the products with these catalog ids, each from its shard, in one cluster generation; ids the index does not hold are counted.</summary>
    /// <exception cref="IndexException">The folder holds no committed sharded index.</exception>
    public ShardedCommitReport Delete(IEnumerable<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var previous = CurrentGenerations() ?? throw IndexException.NotFound(_layout.Root, $"Sharded index '{_layout.Root}' holds nothing to delete from.");
        var routed = Enumerable.Range(0, Router.ShardCount).Select(_ => new List<string>()).ToArray();
        foreach (var id in productIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)) routed[Router.ShardOf(id)].Add(id);
        return Commit(previous, previous.NextKey, (shard, writer) => writer.Delete(routed[shard], cancellationToken), null);
    }

    /// <summary>
    /// Replaces the index's merchandising rules in one cluster generation: every shard's commit holds the same rules (the
    /// coordinator applies them over the whole result set, each shard answering for the products it holds). A rule may
    /// name products the index does not hold: it is kept, and <see cref="ShardedCommitReport.UnknownRuleProducts"/> lists them.
    /// </summary>
    /// <exception cref="IndexException">The folder holds no committed sharded index.</exception>
    /// <exception cref="Merchandising.MerchandisingRulesException">A boost or bury condition does not fit the index's schema; nothing is committed.</exception>
    public ShardedCommitReport SetMerchandisingRules(Merchandising.MerchandisingRuleSet? rules)
    {
        var previous = CurrentGenerations() ?? throw IndexException.NotFound(_layout.Root, $"Sharded index '{_layout.Root}' holds no index to set merchandising rules on.");
        return Commit(previous, previous.NextKey, (_, writer) => writer.SetMerchandisingRules(rules), null);
    }

    private ShardedCommitReport Commit(ClusterGenerations? previous, long nextKey, Func<int, IndexWriter, IndexCommitReport> write, IReadOnlyDictionary<string, long>? keys)
    {
        // The shard commits the current cluster generation reads stay until generations.json names newer ones.
        var held = previous is null ? [] : previous.Shards.Select((m, shard) => GenerationReadLock.TryShared(new IndexLayout(_layout.ShardFolder(shard)).GenerationFolder(m.Generation))).ToArray();
        try
        {
            var reports = new IndexCommitReport[Router.ShardCount];
            for (var shard = 0; shard < Router.ShardCount; shard++)
            {
                var options = new IndexWriterOptions
                {
                    BatchSize = _options.BatchSize, Hnsw = _options.Hnsw, Rebuild = _options.Rebuild, Purpose = _options.Purpose,
                    KeyOf = keys is null ? null : id => keys[id],
                    AllowEmpty = true,
                };
                using var writer = IndexWriter.Open(_layout.ShardFolder(shard), _embedder, _modelSource, options, _logger);
                reports[shard] = write(shard, writer);
            }
            if (previous is not null && !reports.Any(r => r.Committed)) return new ShardedCommitReport(_layout.Root, previous, reports, false);
            var generations = new ClusterGenerations
            {
                Generation = (previous?.Generation ?? 0) + 1,
                NextKey = nextKey,
                Shards = reports.Select(r => r.Manifest).ToArray(),
            };
            _layout.WriteGenerations(generations);
            _logger.LogInformation("Committed cluster generation {Generation} of {Path}: {Count} products in {Shards} shards.",
                generations.Generation, _layout.Root, generations.Shards.Sum(m => m.ProductCount), Router.ShardCount);
            return new ShardedCommitReport(_layout.Root, generations, reports, true);
        }
        finally
        {
            foreach (var readLock in held) readLock?.Dispose();
            if (_layout.Exists && File.Exists(_layout.GenerationsPath))
            {
                var current = _layout.ReadGenerations();
                for (var shard = 0; shard < current.Shards.Count; shard++) new IndexLayout(_layout.ShardFolder(shard)).DeleteOtherGenerations(current.Shards[shard].Generation);
            }
        }
    }

    /// <summary>
    /// Puts back any shard whose own manifest names a commit beyond the current cluster generation (a writer died
    /// between the shards' commits and the move of <c>generations.json</c>): its manifest names the cluster's commit
    /// again, and the shard's writer then removes the newer folder as a leftover.
    /// </summary>
    private void RestoreShards()
    {
        if (CurrentGenerations() is not { } current) return;
        for (var shard = 0; shard < current.Shards.Count; shard++)
        {
            var layout = new IndexLayout(_layout.ShardFolder(shard));
            var visible = current.Shards[shard];
            if (layout.HasManifest && layout.ReadManifest().Generation == visible.Generation) continue;
            _logger.LogWarning("Shard {Shard} of {Path} holds a commit the cluster never made visible; putting generation {Generation} back.", shard, _layout.Root, visible.Generation);
            layout.WriteManifest(visible);
        }
    }

    private ClusterGenerations? CurrentGenerations() => File.Exists(_layout.GenerationsPath) ? _layout.ReadGenerations() : null;

    /// <summary>Releases the writer lock.</summary>
    public void Dispose() => _lock.Dispose();
}
