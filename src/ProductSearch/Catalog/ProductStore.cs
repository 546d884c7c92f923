using System.Collections.Concurrent;

namespace ProductSearch.Catalog;

/// <summary>
/// The product documents: each product has a numeric key (the id the vector and lexical indexes use) and its catalog
/// id, unique. In an index generation they are a base file that commits never write (<c>products.db</c>, shared with
/// the previous generation by hard link) plus a small delta beside it (<see cref="DeltaFileName"/>) holding the
/// products added or changed since the base was written and the base keys that no longer count (replaced or deleted:
/// "shadowed"). Reads ask the delta first, then the base with the shadowed keys left out. The index writer folds the
/// delta into a new base once it passes the merge threshold (<see cref="MergeIntoBase"/>), as it does for the vectors.
/// Thread-safe: LiteDB serializes access inside one file. A damaged file met while reading is reported as a
/// <see cref="ProductStoreException"/> naming the file, so a caller can tell a damaged index from a bug.
/// </summary>
public sealed class ProductStore : IDisposable
{
    /// <summary>File name of the delta beside the base.</summary>
    internal const string DeltaFileName = "products-delta.db";

    private readonly ProductStoreFile _base;
    private readonly string? _deltaPath; // set when writes go to a delta (created on the first one)
    private readonly ConcurrentDictionary<long, byte> _shadowed = new();
    private readonly Lazy<long> _baseMaxKey;
    private readonly Lazy<long> _baseCount;
    private readonly Lock _gate = new();
    private volatile ProductStoreFile? _delta;

    private ProductStore(ProductStoreFile @base, ProductStoreFile? delta, string? deltaPath)
    {
        _base = @base;
        _delta = delta;
        _deltaPath = deltaPath;
        _baseMaxKey = new Lazy<long>(@base.MaxKey);
        // Counting LiteDB's documents is a pass over its key index (about a second at 1M): a delta records its base's
        // count when it is created, and the base never changes under it.
        _baseCount = new Lazy<long>(() => _delta?.Recorded(BaseCountName) ?? @base.Count);
        if (delta is not null)
            foreach (var key in delta.ShadowedKeys()) _shadowed[key] = 0;
    }

    /// <summary>Creates (or opens for writing) the store at <paramref name="path"/>, one file that every write goes to.</summary>
    public static ProductStore OpenWritable(string path) => new(ProductStoreFile.OpenWritable(path), null, null);

    /// <summary>Opens the store at <paramref name="path"/> for reading, with its delta when one is beside it.</summary>
    /// <exception cref="FileNotFoundException">No store at that path.</exception>
    /// <exception cref="ProductStoreException">A file is empty or cut short.</exception>
    public static ProductStore OpenReadOnly(string path)
    {
        var deltaPath = DeltaPathOf(path);
        return Open(ProductStoreFile.OpenReadOnly(path), () => File.Exists(deltaPath) ? ProductStoreFile.OpenReadOnly(deltaPath) : null, null);
    }

    /// <summary>
    /// Opens the store at <paramref name="path"/> for a commit: the base read-only (it is shared with the generation
    /// it came from), every write going to the delta beside it, which is opened, or created on the first write.
    /// </summary>
    internal static ProductStore OpenForChanges(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Product store '{path}' does not exist.", path);
        var deltaPath = DeltaPathOf(path);
        return Open(ProductStoreFile.OpenReadOnly(path), () => File.Exists(deltaPath) ? ProductStoreFile.OpenWritable(deltaPath) : null, deltaPath);
    }

    private static ProductStore Open(ProductStoreFile @base, Func<ProductStoreFile?> openDelta, string? deltaPath)
    {
        ProductStoreFile? delta = null;
        try
        {
            delta = openDelta();
            return new ProductStore(@base, delta, deltaPath);
        }
        catch
        {
            delta?.Dispose();
            @base.Dispose();
            throw;
        }
    }

    private static string DeltaPathOf(string basePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(basePath))!, DeltaFileName);

    /// <summary>Number of products.</summary>
    /// <exception cref="ProductStoreException">A file is damaged.</exception>
    public long Count => (_deltaPath is null && _delta is null ? _base.Count : _baseCount.Value) - _shadowed.Count + (_delta?.Count ?? 0);

    /// <summary>Keys changed since the base was written: added, replaced or deleted (0 without a delta).</summary>
    internal long ChangedSinceBase => _delta is { } delta ? _shadowed.Count + delta.Keys().LongCount(k => !_shadowed.ContainsKey(k.Key)) : 0;

    /// <summary>Inserts or replaces products under their keys, in one transaction.</summary>
    public void Upsert(IEnumerable<(long Key, Product Product)> products) => Write(products.Select(p => ProductDocument.ToBson(p.Key, p.Product)).ToArray());

    /// <summary>
    /// Inserts or replaces products with the fingerprints the index writer compares on the next run: one of the
    /// text that was embedded (a change means a new vector) and one of the whole product (a change means rewriting it).
    /// </summary>
    public void Upsert(IEnumerable<StoredProduct> products) => Write(products.Select(ProductStoreFile.ToBson).ToArray());

    private void Write(LiteDB.BsonDocument[] documents)
    {
        if (_deltaPath is null)
        {
            _base.Upsert(documents);
            return;
        }
        var delta = Delta();
        delta.Upsert(documents);
        Shadow(delta, documents.Select(d => d["_id"].AsInt64));
    }

    /// <summary>Removes the product under <paramref name="key"/>; false when there was none.</summary>
    public bool Delete(long key)
    {
        if (_deltaPath is null) return _base.Delete(key);
        var removed = _delta?.Delete(key) ?? false;
        return Shadow(Delta(), [key]) > 0 || removed;
    }

    /// <summary>Records the keys of <paramref name="keys"/> that the base holds, and that were not yet, as no longer counting; returns how many.</summary>
    private int Shadow(ProductStoreFile delta, IEnumerable<long> keys)
    {
        // Keys past the base's largest are new products: the base need not be asked.
        var inBase = keys.Where(k => !_shadowed.ContainsKey(k) && k <= _baseMaxKey.Value && _base.Contains(k)).Distinct().ToArray();
        if (inBase.Length == 0) return 0;
        delta.Shadow(inBase);
        foreach (var key in inBase) _shadowed[key] = 0;
        return inBase.Length;
    }

    private ProductStoreFile Delta()
    {
        if (_delta is { } delta) return delta;
        lock (_gate)
        {
            if (_delta is { } opened) return opened;
            var created = ProductStoreFile.OpenWritable(_deltaPath!);
            created.Record(BaseCountName, _baseCount.Value);
            return _delta = created;
        }
    }

    private const string BaseCountName = "base_count";

    /// <summary>The largest key in use (0 when empty).</summary>
    /// <exception cref="ProductStoreException">A file is damaged.</exception>
    public long MaxKey() => Math.Max(_deltaPath is null ? _base.MaxKey() : _baseMaxKey.Value, _delta?.MaxKey() ?? 0);

    /// <summary>Key and fingerprints of each of <paramref name="productIds"/> that is stored.</summary>
    public IReadOnlyDictionary<string, (long Key, string? EmbeddedTextHash, string? ContentHash)> Lookup(IEnumerable<string> productIds)
    {
        var ids = productIds.Distinct(StringComparer.Ordinal).ToArray();
        if (_delta is not { } delta) return _base.Lookup(ids);
        var result = new Dictionary<string, (long Key, string? EmbeddedTextHash, string? ContentHash)>(delta.Lookup(ids), StringComparer.Ordinal);
        foreach (var (id, entry) in _base.Lookup(ids.Where(id => !result.ContainsKey(id)).ToArray()))
            if (!_shadowed.ContainsKey(entry.Key)) result[id] = entry;
        return result;
    }

    /// <summary>The product stored under <paramref name="key"/>, or <c>null</c>.</summary>
    /// <exception cref="ProductStoreException">A file is damaged.</exception>
    public Product? Get(long key)
    {
        if (_delta is not { } delta) return _base.Get(key);
        // The delta holds only keys that replaced a base key (shadowed) and keys newer than the base's largest, so a
        // product the commits left alone takes one lookup, in the base, not two: the delta's lookup was half of the
        // reads of a page once a commit had written a delta. A key the base lacks is asked of the delta too.
        if (key > _baseMaxKey.Value || _shadowed.ContainsKey(key)) return delta.Get(key);
        return _base.Get(key) ?? delta.Get(key);
    }

    /// <summary>The key of the product with catalog id <paramref name="productId"/>, or <c>null</c>.</summary>
    /// <exception cref="ProductStoreException">A file is damaged.</exception>
    public long? KeyOf(string productId) =>
        _delta?.KeyOf(productId) ?? (_base.KeyOf(productId) is { } key && !_shadowed.ContainsKey(key) ? key : null);

    /// <summary>The products stored under <paramref name="keys"/> (missing keys are left out).</summary>
    public IReadOnlyDictionary<long, Product> GetMany(IEnumerable<long> keys)
    {
        // One primary-key lookup per key: LiteDB's Query.In over _id took ~10× as long for 50 keys (RESULTS.md,
        // "Learned second stage"), and the fetch and rerank stages read a page or the top 50 on every search.
        var products = new Dictionary<long, Product>();
        foreach (var key in keys)
            if (!products.ContainsKey(key) && Get(key) is { } product) products[key] = product;
        return products;
    }

    /// <summary>Every key with its catalog id, in key order.</summary>
    /// <exception cref="ProductStoreException">A file is damaged (thrown while enumerating).</exception>
    public IEnumerable<(long Key, string ProductId)> Keys()
    {
        var fromBase = _base.Keys().Where(k => !_shadowed.ContainsKey(k.Key));
        return _delta is { } delta ? InKeyOrder(fromBase, delta.Keys()) : fromBase;
    }

    /// <summary>Two sequences in key order, with no key in both, as one in key order.</summary>
    private static IEnumerable<(long Key, string ProductId)> InKeyOrder(IEnumerable<(long Key, string ProductId)> first, IEnumerable<(long Key, string ProductId)> second)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        bool hasA = a.MoveNext(), hasB = b.MoveNext();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || a.Current.Key < b.Current.Key))
            {
                yield return a.Current;
                hasA = a.MoveNext();
            }
            else
            {
                yield return b.Current;
                hasB = b.MoveNext();
            }
        }
    }

    /// <summary>
    /// Each first-level category (the first of a product's category path) with its product count, most products first,
    /// then by name: a pass over the store reading only the keys and category paths.
    /// </summary>
    /// <exception cref="ProductStoreException">A file is damaged.</exception>
    internal IReadOnlyList<CategoryCount> TopLevelCategories()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        _base.CountTopLevelCategories(counts, key => !_shadowed.ContainsKey(key));
        _delta?.CountTopLevelCategories(counts, _ => true);
        return counts.Select(c => new CategoryCount(c.Key, c.Value)).MostProductsFirst();
    }

    /// <summary>
    /// Folds the delta into a new base: a copy of the base with the shadowed keys removed and the delta's products
    /// written, checkpointed, then renamed over the base's name (the file the previous generation shares keeps its
    /// contents: the name now points at a new file); the delta file is deleted. Closes the store.
    /// </summary>
    internal void MergeIntoBase()
    {
        var basePath = _base.Path;
        var merging = Path.Combine(Path.GetDirectoryName(basePath)!, "products-merging.db");
        File.Copy(basePath, merging, overwrite: true);
        using (var merged = ProductStoreFile.OpenWritable(merging))
        {
            if (_delta is { } delta)
            {
                merged.Delete(_shadowed.Keys.Order());
                merged.Upsert(delta.Documents());
            }
            merged.Checkpoint();
        }
        Dispose();
        File.Move(merging, basePath, overwrite: true);
        if (_deltaPath is not null) File.Delete(_deltaPath);
    }

    /// <summary>Flushes to disk.</summary>
    public void Checkpoint()
    {
        if (_deltaPath is null) _base.Checkpoint();
        _delta?.Checkpoint();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { _delta?.Dispose(); }
        finally { _base.Dispose(); }
    }
}
