using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Merchandising;
using ProductSearch.Search;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// The three stores of one committed generation, opened together, with the retrievers that search them: everything
/// a search reads comes from one snapshot, so a search never mixes two commits. Reference-counted by its owner,
/// <see cref="SnapshotManager"/>: a refresh swaps in a newer snapshot while searches still running on the old one
/// finish, and the old one closes when the last of them releases it.
/// </summary>
internal sealed class IndexSnapshot
{
    private int _references = 1;

    private readonly FileStream _readLock;

    private readonly Lucene.Net.Analysis.Synonym.SynonymMap? _synonyms;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lucene.Net.Analysis.Analyzer> _queryAnalyzers = new();

    private IndexSnapshot(IndexManifest manifest, ProductStore store, Bm25Searcher lexical, IVectorIndex vectors, Lucene.Net.Analysis.Synonym.SynonymMap? synonyms,
        IndexSchema schema, MerchandisingRuleSet rules, FileStream readLock)
    {
        Schema = schema;
        FacetDisplay = new FacetDisplay(store);
        Rules = new MerchandisingRules(rules, lexical, store, schema);
        _readLock = readLock;
        _synonyms = synonyms;
        Manifest = manifest;
        Store = store;
        Lexical = lexical;
        Vectors = vectors;
        _topLevelCategories = new(store.TopLevelCategories);
        LexicalRetriever = new LexicalRetriever(lexical);
        DenseRetriever = new DenseRetriever(vectors, manifest.Hnsw.ToOptions(manifest.Model.Dimensions).Metric);
    }

    public IndexManifest Manifest { get; }

    /// <summary>How this commit's keyword facet values are written in its catalog.</summary>
    public FacetDisplay FacetDisplay { get; }

    /// <summary>The commit's schema: the fields searches may filter, facet, sort and search on.</summary>
    public IndexSchema Schema { get; }

    public ProductStore Store { get; }

    public Bm25Searcher Lexical { get; }

    public IVectorIndex Vectors { get; }

    /// <summary>The commit's merchandising rules, applied after fusion and the second stage.</summary>
    public MerchandisingRules Rules { get; }

    /// <summary>The catalog's first-level categories, counted once per commit on first use (a pass over the product store).</summary>
    public IReadOnlyList<CategoryCount> TopLevelCategories => _topLevelCategories.Value;

    private readonly Lazy<IReadOnlyList<CategoryCount>> _topLevelCategories;

    /// <summary>The analysis of queries in <paramref name="locale"/> for this commit: the index's analysis with its synonyms, if it has any.</summary>
    public Lucene.Net.Analysis.Analyzer QueryAnalyzer(string locale) => _queryAnalyzers.GetOrAdd(locale, l => ProductAnalyzer.Create(l, _synonyms));

    /// <summary>BM25 over <see cref="Lexical"/>.</summary>
    public IRetriever LexicalRetriever { get; }

    /// <summary>HNSW over <see cref="Vectors"/>.</summary>
    public IRetriever DenseRetriever { get; }

    /// <summary>Opens the commit the manifest names. A writer may delete an old generation right after committing a new
    /// one, so when the named folder vanished under us the manifest is read again (it names the newer one by then).</summary>
    /// <exception cref="IndexException">The index is missing, damaged, or of a layout this version does not read.</exception>
    public static IndexSnapshot Open(IndexLayout layout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var manifest = layout.ReadManifest();
            manifest.EnsureReadableLayout(layout.Root);
            var folder = layout.GenerationFolder(manifest.Generation);
            var readLock = GenerationReadLock.TryShared(folder);
            if (readLock is null)
            {
                // Deleted (or being deleted) after we read the manifest: a newer commit landed; read it again.
                if (attempt < 5) continue;
                throw IndexException.Damaged(layout.Root, $"Index '{layout.Root}' names generation folder '{folder}', which is missing.");
            }
            try
            {
                return OpenGeneration(layout, manifest, readLock);
            }
            catch
            {
                readLock.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Opens the commit <paramref name="manifest"/> describes (a shard's commit named by its sharded index's
    /// <c>generations.json</c>, which may be older than the shard's own manifest); <c>null</c> when its folder is gone.
    /// </summary>
    /// <exception cref="IndexException">The commit is damaged, or of a layout this version does not read.</exception>
    public static IndexSnapshot? OpenAt(IndexLayout layout, IndexManifest manifest)
    {
        manifest.EnsureReadableLayout(layout.Root);
        var readLock = GenerationReadLock.TryShared(layout.GenerationFolder(manifest.Generation));
        if (readLock is null) return null;
        try
        {
            return OpenGeneration(layout, manifest, readLock);
        }
        catch
        {
            readLock.Dispose();
            throw;
        }
    }

    private static IndexSnapshot OpenGeneration(IndexLayout layout, IndexManifest manifest, FileStream readLock)
    {
        var opened = new List<IDisposable>();
        try
        {
            var store = Guard(layout, () => ProductStore.OpenReadOnly(layout.ProductStorePath(manifest.Generation)), layout.ProductStorePath(manifest.Generation));
            opened.Add(store);
            var lexical = Guard(layout, () => Bm25Searcher.Open(layout.LexicalPath(manifest.Generation)), layout.LexicalPath(manifest.Generation));
            opened.Add(lexical);
            var hnsw = manifest.Hnsw.ToOptions(manifest.Model.Dimensions);
            // Commits that share the base graph file (a hard link: same recorded digest, same length and time now) share
            // the loaded graph too; a manifest without digests loads its own.
            var vectorPath = layout.VectorPath(manifest.Generation);
            var sharedBase = manifest.Files?.GetValueOrDefault(Path.GetFileName(vectorPath)) is { } digest
                ? SharedBaseGraphs.KeyOf(vectorPath, digest.Sha256, digest.Length, hnsw) : null;
            var vectors = Guard(layout, () => LayeredVectorIndex.Open(vectorPath, hnsw, loadBase: true, sharedBase), vectorPath);
            opened.Add(vectors);
            var synonymsPath = layout.SynonymsPath(manifest.Generation);
            var synonyms = File.Exists(synonymsPath) ? Guard(layout, () => SynonymRules.Parse(File.ReadAllText(synonymsPath)), synonymsPath) : null;
            var folder = layout.GenerationFolder(manifest.Generation);
            var schema = Guard(layout, () => IndexSchema.Read(folder), Path.Combine(folder, IndexSchema.FileName));
            var rules = MerchandisingRulesStore.Read(layout, manifest.Generation);
            return new IndexSnapshot(manifest, store, lexical, vectors, synonyms, schema, rules, readLock);
        }
        catch
        {
            foreach (var disposable in opened) disposable.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference; false when the snapshot is already closed (its owner's current one must be taken again).</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references == 0) return false;
            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references) return true;
        }
    }

    /// <summary>Drops a reference; the last one closes the stores.</summary>
    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left > 0) return;
        if (left < 0) throw new InvalidOperationException("An index snapshot was released more often than it was acquired.");
        Vectors.Dispose();
        Lexical.Dispose();
        foreach (var analyzer in _queryAnalyzers.Values) analyzer.Dispose();
        Store.Dispose();
        _readLock.Dispose();
    }

    private static T Guard<T>(IndexLayout layout, Func<T> open, string path)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is not IndexException and not OutOfMemoryException)
        {
            throw IndexException.Damaged(layout.Root, $"Cannot open '{path}': {ex.Message}", ex);
        }
    }
}
