using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// One commit in the making. The stores of the current generation are copied into the next generation's folder
/// and changed there; the current generation is never written, so readers and a crash at any instant see it whole.
/// <see cref="Commit"/> flushes the new folder to disk, then writes the manifest that names it (the commit point),
/// then deletes older generations. Disposing without committing deletes the new folder.
/// </summary>
internal sealed class GenerationTransaction : IDisposable
{
    private readonly IndexLayout _layout;
    private bool _committed;
    private bool _closed;

    private GenerationTransaction(IndexLayout layout, long generation, ProductStore store, Bm25IndexWriter lexical, UsearchIndex vectors)
    {
        _layout = layout;
        Generation = generation;
        Store = store;
        Lexical = lexical;
        Vectors = vectors;
    }

    public long Generation { get; }

    public ProductStore Store { get; }

    public Bm25IndexWriter Lexical { get; }

    public UsearchIndex Vectors { get; }

    /// <summary>Starts the generation after <paramref name="previous"/> (a fresh index when null).</summary>
    public static GenerationTransaction Begin(IndexLayout layout, IndexManifest? previous, HnswOptions hnsw)
    {
        var generation = Math.Max(previous?.Generation ?? 0, HighestGenerationFolder(layout)) + 1;
        var folder = layout.GenerationFolder(generation);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        if (previous is not null) DurableFiles.CopyTree(layout.GenerationFolder(previous.Generation), folder);
        else Directory.CreateDirectory(folder);

        var opened = new List<IDisposable>();
        try
        {
            var store = OpenStore(layout.ProductStorePath(generation));
            opened.Add(store);
            // An index whose BM25 terms were made by an older analysis gets its lexical index rebuilt from the stored
            // products in this commit (no re-embedding): old and new terms must never be mixed in one index.
            var reanalyse = previous is not null && !previous.HasCurrentLexicalAnalysis;
            var lexical = previous is null || reanalyse ? Bm25IndexWriter.Create(layout.LexicalPath(generation)) : Bm25IndexWriter.Open(layout.LexicalPath(generation));
            opened.Add(lexical);
            if (reanalyse) ReindexLexical(store, lexical);
            var vectors = previous is null ? UsearchIndex.Create(hnsw) : UsearchIndex.Load(layout.VectorPath(generation), hnsw);
            return new GenerationTransaction(layout, generation, store, lexical, vectors);
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

    /// <summary>Makes the generation durable and current; returns its manifest.</summary>
    public IndexManifest Commit(Func<long, IndexManifest> manifestFor)
    {
        Lexical.Commit();
        var count = Store.Count;
        Close(saveVectors: true);
        var folder = _layout.GenerationFolder(Generation);
        DurableFiles.FlushTree(folder);
        var manifest = manifestFor(count);
        _layout.WriteManifest(manifest);
        DurableFiles.FlushFolder(_layout.Root);
        _committed = true;
        _layout.DeleteOtherGenerations(Generation);
        return manifest;
    }

    private void Close(bool saveVectors)
    {
        if (_closed) return;
        _closed = true;
        try
        {
            if (saveVectors) Vectors.Save(_layout.VectorPath(Generation));
        }
        finally
        {
            Vectors.Dispose();
            Lexical.Dispose();
            Store.Checkpoint();
            Store.Dispose();
        }
    }

    private static ProductStore OpenStore(string path)
    {
        try
        {
            return ProductStore.OpenWritable(path);
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

    public void Dispose()
    {
        if (_committed) return;
        try { Close(saveVectors: false); }
        finally { TryDelete(_layout.GenerationFolder(Generation)); }
    }
}
