using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// The three stores of one committed generation, opened together: everything a search reads comes from one
/// snapshot, so a search never mixes two commits. Reference-counted: a refresh swaps in a newer snapshot while
/// searches still running on the old one finish, and the old one closes when the last of them releases it.
/// </summary>
internal sealed class IndexSnapshot
{
    private int _references = 1;

    private readonly FileStream _readLock;

    private IndexSnapshot(IndexManifest manifest, ProductStore store, Bm25Searcher lexical, IVectorIndex vectors, RankingProfile profile, DateTime profileStamp, FileStream readLock)
    {
        _readLock = readLock;
        Manifest = manifest;
        Store = store;
        Lexical = lexical;
        Vectors = vectors;
        Profile = profile;
        ProfileStamp = profileStamp;
    }

    public IndexManifest Manifest { get; }

    public ProductStore Store { get; }

    public Bm25Searcher Lexical { get; }

    public IVectorIndex Vectors { get; }

    public RankingProfile Profile { get; }

    /// <summary>Last write time of the profile file when this snapshot read it (MinValue: no file).</summary>
    public DateTime ProfileStamp { get; }

    /// <summary>Opens the commit the manifest names. A writer may delete an old generation right after committing a new
    /// one, so when the named folder vanished under us the manifest is read again (it names the newer one by then).</summary>
    public static IndexSnapshot Open(IndexLayout layout, RankingProfile? profileOverride)
    {
        for (var attempt = 1; ; attempt++)
        {
            var manifest = layout.ReadManifest();
            if (manifest.Format != IndexManifest.CurrentFormat)
                throw new IndexException($"Index '{layout.Root}' has layout version {manifest.Format}; this version of ProductSearch reads {IndexManifest.CurrentFormat}. Rebuild the index.");
            var folder = layout.GenerationFolder(manifest.Generation);
            var readLock = GenerationReadLock.TryShared(folder);
            if (readLock is null)
            {
                // Deleted (or being deleted) after we read the manifest: a newer commit landed; read it again.
                if (attempt < 5) continue;
                throw new IndexException($"Index '{layout.Root}' names generation folder '{folder}', which is missing; run 'productsearch verify' or rebuild the index.");
            }
            try
            {
                return OpenGeneration(layout, manifest, profileOverride, readLock);
            }
            catch
            {
                readLock.Dispose();
                throw;
            }
        }
    }

    private static IndexSnapshot OpenGeneration(IndexLayout layout, IndexManifest manifest, RankingProfile? profileOverride, FileStream readLock)
    {
        var opened = new List<IDisposable>();
        try
        {
            var store = Guard(() => ProductStore.OpenReadOnly(layout.ProductStorePath(manifest.Generation)), layout.ProductStorePath(manifest.Generation));
            opened.Add(store);
            var lexical = Guard(() => Bm25Searcher.Open(layout.LexicalPath(manifest.Generation)), layout.LexicalPath(manifest.Generation));
            opened.Add(lexical);
            var vectors = Guard(() => UsearchIndex.Load(layout.VectorPath(manifest.Generation), manifest.Hnsw.ToOptions(manifest.Model.Dimensions)),
                layout.VectorPath(manifest.Generation));
            opened.Add(vectors);
            var profilePath = RankingProfileStore.PathOf(layout.Root);
            var stamp = File.Exists(profilePath) ? File.GetLastWriteTimeUtc(profilePath) : DateTime.MinValue;
            var profile = profileOverride ?? RankingProfileStore.Read(layout.Root) ?? RankingProfile.Default;
            return new IndexSnapshot(manifest, store, lexical, vectors, profile, stamp, readLock);
        }
        catch
        {
            foreach (var disposable in opened) disposable.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference; false when the snapshot is already closed (take the engine's current one again).</summary>
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
        if (Interlocked.Decrement(ref _references) != 0) return;
        Vectors.Dispose();
        Lexical.Dispose();
        Store.Dispose();
        _readLock.Dispose();
    }

    private static T Guard<T>(Func<T> open, string path)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is not IndexException and not OutOfMemoryException)
        {
            throw new IndexException($"Cannot open '{path}': {ex.Message}. Run 'productsearch verify', or 'productsearch index' again to rebuild the index.", ex);
        }
    }
}
