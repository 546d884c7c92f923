using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// One commit in the making. The files of the current generation are brought into the next generation's folder —
/// those never written in place (Lucene's files, the HNSW graph, the product store's base) as hard links, the rest
/// copied — and changed there; the current generation is never written, so readers and a crash at any instant see it
/// whole. Vector changes go to a small delta beside the base graph (<see cref="LayeredVectorIndex"/>), product changes
/// to a small delta beside the base store (<see cref="ProductStore"/>); each is folded into a new base once it passes
/// <see cref="DeltaMerge.IsDue"/>, and only then is that base read and rewritten.
/// <see cref="Commit"/> flushes the new folder to disk, then writes the manifest that names it (the commit point),
/// then deletes older generations. Disposing without committing deletes the new folder.
/// </summary>
internal sealed class GenerationTransaction : IDisposable
{
    private readonly IndexLayout _layout;
    private readonly HnswOptions _hnsw;
    private readonly IReadOnlyDictionary<string, CarriedFile> _linked;
    private UsearchIndex? _fresh;
    private LayeredVectorIndex? _layered;
    private bool _committed;
    private bool _closed;
    private bool _lexicalRewritten; // written whole in this generation (a fresh build, a reanalysis): merged to one segment at commit

    private GenerationTransaction(IndexLayout layout, long generation, ProductStore store, Bm25IndexWriter lexical, UsearchIndex? fresh, HnswOptions hnsw,
        CarriedFiles? carried)
    {
        _layout = layout;
        Generation = generation;
        Store = store;
        Lexical = lexical;
        _fresh = fresh;
        _hnsw = hnsw;
        _linked = carried?.Linked ?? new Dictionary<string, CarriedFile>();
        LinkRefused = carried?.LinkRefused;
        CarriedBytes = (carried?.LinkedBytes ?? 0, carried?.CopiedBytes ?? 0);
    }

    public long Generation { get; }

    public ProductStore Store { get; }

    public Bm25IndexWriter Lexical { get; }

    /// <summary>The vectors: a new graph for a fresh index, else the base and delta of the previous generation, opened on first use.</summary>
    private IVectorIndex Vectors => _fresh ?? (IVectorIndex)(_layered ??= LayeredVectorIndex.Open(_layout.VectorPath(Generation), _hnsw, loadBase: false));

    /// <summary>Adds or replaces the vectors of <paramref name="keys"/>.</summary>
    public void AddVectors(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> vectors)
    {
        if (_fresh is not null) foreach (var key in keys) _fresh.Remove(key);
        Vectors.Add(keys, vectors);
    }

    /// <summary>Removes the vector of <paramref name="key"/>, if there is one.</summary>
    public void RemoveVector(long key)
    {
        if (Vectors is LayeredVectorIndex layered) layered.Supersede((ulong)key);
        else _fresh!.Remove((ulong)key);
    }

    /// <summary>Whether this commit folded the vector delta into a new base graph.</summary>
    public bool Merged { get; private set; }

    /// <summary>Why the file system refused to share files by hard link (they were copied); <c>null</c> when it did not.</summary>
    public string? LinkRefused { get; }

    /// <summary>Bytes brought from the previous generation by hard link and by copy.</summary>
    public (long Linked, long Copied) CarriedBytes { get; }

    /// <summary>The schema this commit will keep; the lexical writer indexes attributes by it.</summary>
    public IndexSchema Schema
    {
        get => Lexical.Schema;
        set => Lexical.Schema = value;
    }

    /// <summary>
    /// Starts the generation after <paramref name="previous"/> (a fresh index when null). The generation it builds on is
    /// checked first — its files against the manifest's hashes while they are copied, or, for a manifest that records
    /// none, by the structural checks of <see cref="IndexVerifier"/> — so damage is refused, never copied forward.
    /// </summary>
    /// <exception cref="IndexException">The current generation is damaged; nothing was changed (the partial copy is removed).</exception>
    /// <param name="layout">The index folder.</param>
    /// <param name="previous">The current commit; <c>null</c> for a fresh index.</param>
    /// <param name="hnsw">The graph's settings.</param>
    /// <param name="schema">The schema the commit keeps; <c>null</c>: the current commit's (or the default one for a fresh index).</param>
    /// <param name="reanalyse">Rebuild the lexical index from the stored products (a schema change that needs it).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static GenerationTransaction Begin(IndexLayout layout, IndexManifest? previous, HnswOptions hnsw, IndexSchema? schema = null, bool reanalyse = false,
        CancellationToken cancellationToken = default)
    {
        var generation = Math.Max(previous?.Generation ?? 0, HighestGenerationFolder(layout)) + 1;
        var folder = layout.GenerationFolder(generation);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        if (previous is not null && previous.Files is null) EnsureIntact(layout, IndexVerifier.Check(layout, previous, checkFiles: false, cancellationToken).Problems, previous);
        CarriedFiles? carried = null;
        try
        {
            if (previous is null) Directory.CreateDirectory(folder);
            else
            {
                carried = GenerationFiles.CarryForward(layout.GenerationFolder(previous.Generation), folder, previous.Files, cancellationToken);
                EnsureIntact(layout, carried.Problems, previous);
            }
        }
        catch
        {
            TryDelete(folder); // a refused or failed copy (a damaged source, a full disk) leaves nothing behind
            throw;
        }

        var opened = new List<IDisposable>();
        try
        {
            var store = OpenStore(layout.ProductStorePath(generation), fresh: previous is null);
            opened.Add(store);
            // An index whose BM25 terms were made by an older analysis gets its lexical index rebuilt from the stored
            // products in this commit (no re-embedding): old and new terms must never be mixed in one index.
            // So does a schema change that alters how attributes are indexed.
            reanalyse = previous is not null && (reanalyse || !previous.HasCurrentLexicalAnalysis);
            var lexical = previous is null || reanalyse ? Bm25IndexWriter.Create(layout.LexicalPath(generation)) : Bm25IndexWriter.Open(layout.LexicalPath(generation));
            opened.Add(lexical);
            lexical.Schema = schema ?? (previous is null ? IndexSchema.Default : IndexSchema.Read(folder));
            if (reanalyse) ReindexLexical(store, lexical);
            var vectors = previous is null ? UsearchIndex.Create(hnsw) : null;
            return new GenerationTransaction(layout, generation, store, lexical, vectors, hnsw, carried) { _lexicalRewritten = previous is null || reanalyse };
        }
        catch
        {
            foreach (var disposable in opened) disposable.Dispose();
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Replaces the generation's synonyms with <paramref name="rules"/> (already checked); <c>null</c> removes them.</summary>
    public void SetSynonyms(string? rules)
    {
        var path = _layout.SynonymsPath(Generation);
        if (rules is null) File.Delete(path);
        else File.WriteAllText(path, rules);
    }

    /// <summary>Replaces the generation's merchandising rules with <paramref name="rules"/> (already checked); no rule removes them.</summary>
    public void SetMerchandisingRules(Merchandising.MerchandisingRuleSet rules) => MerchandisingRulesStore.Write(_layout.MerchandisingRulesPath(Generation), rules);

    /// <summary>Re-indexes every stored product in the lexical index by the current <see cref="Schema"/> (no re-embedding).</summary>
    public void Reanalyse()
    {
        Lexical.DeleteAll();
        ReindexLexical(Store, Lexical);
        _lexicalRewritten = true;
    }

    /// <summary>Makes the generation durable and current; returns its manifest.</summary>
    public IndexManifest Commit(Func<long, IndexManifest> manifestFor)
    {
        var count = Store.Count;
        _productCount = count;
        _storeChanges = Store.ChangedSinceBase;
        // The lexical index is kept as the product store is, a base and a delta: the segment the last full merge wrote
        // plus one segment of everything since, folded into one when the store folds its delta (every product change
        // replaced its document, so the store's changed keys are the lexical index's deletions and new documents).
        // Left to Lucene's merge policy, 1,000 commits of 100 at 1M left 9 segments and 12 % deleted documents, and a
        // query's lexical stage took up to twice a fresh index's: each segment costs a look-up of every term in every
        // field (benchmarks/RESULTS.md, issue 16). A lexical index written whole is merged to one segment for the same reason.
        if (_lexicalRewritten || DeltaMerge.IsDue(_storeChanges, count)) Lexical.MergeToOneSegment();
        else Lexical.MergeSmallSegments();
        Lexical.Commit();
        Schema.Write(_layout.GenerationFolder(Generation));
        Close(committing: true);
        var folder = _layout.GenerationFolder(Generation);
        DurableFiles.FlushTree(folder);
        var manifest = manifestFor(count) with { Files = GenerationFiles.Digest(folder, _linked) };
        _layout.WriteManifest(manifest);
        _committed = true; // the manifest names this generation now: from here on it must never be deleted
        DurableFiles.FlushFolder(_layout.Root);
        _layout.DeleteOtherGenerations(Generation);
        return manifest;
    }

    private void Close(bool committing)
    {
        if (_closed) return;
        _closed = true;
        // Every store is closed whatever fails first (a full disk fails them all): no file stays open on the folder.
        Exception? first = null;
        void Run(Action step)
        {
            try { step(); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { first ??= ex; }
        }
        // Vectors never opened were not changed: their files stay the ones linked from the previous generation.
        if (committing) Run(SaveVectors);
        if (_fresh is not null) Run(_fresh.Dispose);
        if (_layered is not null) Run(_layered.Dispose);
        Run(Lexical.Dispose);
        // An abandoned generation is deleted, so its store is not flushed: after a write that failed (a full disk),
        // LiteDB still holds that write's lock on this thread and its checkpoint would throw over the first error.
        if (committing && DeltaMerge.IsDue(_storeChanges, _productCount)) Run(Store.MergeIntoBase);
        else if (committing) Run(Store.Checkpoint);
        Run(Store.Dispose);
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    private void SaveVectors()
    {
        if (_fresh is not null) _fresh.Save(_layout.VectorPath(Generation));
        else if (_layered is null) return;
        else if (DeltaMerge.IsDue(_layered.SupersededCount, _productCount))
        {
            _layered.MergeInto(_layout.VectorPath(Generation));
            Merged = true;
        }
        else _layered.SaveDelta(_layout.GenerationFolder(Generation));
    }

    private long _productCount;
    private long _storeChanges;

    // A fresh index writes its one store file whole; later commits write a delta beside the base they share.
    private static ProductStore OpenStore(string path, bool fresh)
    {
        try
        {
            return fresh ? ProductStore.OpenWritable(path) : ProductStore.OpenForChanges(path);
        }
        catch (LiteDB.LiteException ex)
        {
            // E.g. a store written by a pre-release build with another collation: name the file and the way out.
            throw IndexException.Damaged(Path.GetDirectoryName(Path.GetDirectoryName(path))!, $"Cannot open the product store '{path}' for writing: {ex.Message}", ex);
        }
    }

    private static void ReindexLexical(ProductStore store, Bm25IndexWriter lexical)
    {
        foreach (var chunk in store.Keys().Select(k => k.Key).Chunk(1024))
            foreach (var (key, product) in store.GetMany(chunk)) lexical.Upsert(key, product);
    }

    private static void EnsureIntact(IndexLayout layout, IReadOnlyList<string> problems, IndexManifest previous)
    {
        if (problems.Count == 0) return;
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "";
        throw IndexException.Damaged(layout.Root,
            $"Index '{layout.Root}' is damaged: generation {previous.Generation}: {problems[0]}{more}; nothing was changed.");
    }

    private static long HighestGenerationFolder(IndexLayout layout)
    {
        if (!Directory.Exists(layout.Root)) return 0;
        return Directory.EnumerateDirectories(layout.Root, "gen-*")
            .Select(d => long.TryParse(Path.GetFileName(d)[4..], out var g) ? g : 0)
            .DefaultIfEmpty(0).Max();
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Abandons an uncommitted generation: its stores are closed and its folder deleted.</summary>
    public void Dispose()
    {
        if (_committed) return;
        try
        {
            Close(committing: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or VectorIndexException or LockRecursionException)
        {
            // Closing an abandoned generation writes (Lucene commits on close, LiteDB checkpoints): on a full disk it
            // fails again (LiteDB, whose failed write kept its lock on this thread, with a LockRecursionException). Its
            // files are deleted next, and the error that made the writer give up is the one to report.
        }
        finally
        {
            TryDelete(_layout.GenerationFolder(Generation));
        }
    }
}
