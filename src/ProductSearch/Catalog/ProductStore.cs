using LiteDB;

namespace ProductSearch.Catalog;

/// <summary>
/// The product documents, in a LiteDB file. Each product has a numeric key (the id the vector and lexical
/// indexes use) and its catalog id, unique. Thread-safe: LiteDB serializes access inside one instance. A damaged
/// file met while reading (LiteDB then throws whatever its decoding hits: casts, ranges, its own errors) is reported
/// as a <see cref="ProductStoreException"/> naming the file, so a caller can tell a damaged index from a bug.
/// </summary>
public sealed class ProductStore : IDisposable
{
    private const string CollectionName = "products";

    /// <summary>LiteDB's page size: its files grow and are checkpointed in whole pages.</summary>
    private const int PageSize = 8192;
    private readonly string _path;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _products;

    private ProductStore(string path, LiteDatabase database)
    {
        _path = path;
        _database = database;
        _products = database.GetCollection(CollectionName);
    }

    /// <summary>Creates (or opens for writing) the store at <paramref name="path"/>.</summary>
    public static ProductStore OpenWritable(string path)
    {
        // Ordinal collation (fixed when the file is created): catalog ids that differ only in case are different
        // products, and LiteDB's default collation would fold them into one.
        var store = new ProductStore(path, new LiteDatabase(new ConnectionString
        {
            Filename = path, Connection = ConnectionType.Direct,
            Collation = new Collation(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal),
        }));
        store._products.EnsureIndex("product_id", unique: true);
        return store;
    }

    /// <summary>Opens the store at <paramref name="path"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">No store at that path.</exception>
    /// <exception cref="ProductStoreException">The file is empty or cut short.</exception>
    public static ProductStore OpenReadOnly(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Product store '{path}' does not exist.", path);
        // LiteDB takes an empty or cut-off file for one to initialise and writes to it even when opened read-only;
        // the write fails, and the transaction it abandons throws from its finalizer later, ending the process.
        // Such a file is damage to report, and LiteDB must never see it.
        var length = new FileInfo(path).Length;
        if (length == 0 || length % PageSize != 0)
            throw new ProductStoreException(path, $"Product store '{path}' is {length:N0} bytes, not whole {PageSize:N0}-byte pages: it was emptied or cut short.");
        return new ProductStore(path, new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }));
    }

    /// <summary>Number of products.</summary>
    /// <exception cref="ProductStoreException">The file is damaged.</exception>
    public long Count => Read(_products.LongCount);

    /// <summary>Inserts or replaces products under their keys, in one transaction.</summary>
    public void Upsert(IEnumerable<(long Key, Product Product)> products)
    {
        _products.Upsert(products.Select(p => ProductDocument.ToBson(p.Key, p.Product)));
    }

    /// <summary>
    /// Inserts or replaces products with the fingerprints the index writer compares on the next run: one of the
    /// text that was embedded (a change means a new vector) and one of the whole product (a change means rewriting it).
    /// </summary>
    public void Upsert(IEnumerable<StoredProduct> products)
    {
        _products.Upsert(products.Select(p =>
        {
            var doc = ProductDocument.ToBson(p.Key, p.Product);
            doc[EmbeddedHashField] = p.EmbeddedTextHash;
            doc[ContentHashField] = p.ContentHash;
            return doc;
        }));
    }

    /// <summary>Removes the product under <paramref name="key"/>; false when there was none.</summary>
    public bool Delete(long key) => _products.Delete(key);

    /// <summary>The largest key in use (0 when empty).</summary>
    /// <exception cref="ProductStoreException">The file is damaged.</exception>
    public long MaxKey() => Read(() => _products.Count() == 0 ? 0 : _products.Max("_id").AsInt64);

    /// <summary>Key and fingerprints of each of <paramref name="productIds"/> that is stored.</summary>
    public IReadOnlyDictionary<string, (long Key, string? EmbeddedTextHash, string? ContentHash)> Lookup(IEnumerable<string> productIds)
    {
        var result = new Dictionary<string, (long, string?, string?)>(StringComparer.Ordinal);
        var ids = productIds.Distinct(StringComparer.Ordinal).Select(id => new BsonValue(id)).ToArray();
        if (ids.Length == 0) return result;
        return Read(() =>
        {
            foreach (var doc in _products.Find(Query.In("product_id", ids)))
            {
                result[doc["product_id"].AsString] = (doc["_id"].AsInt64,
                    doc.TryGetValue(EmbeddedHashField, out var e) && e.IsString ? e.AsString : null,
                    doc.TryGetValue(ContentHashField, out var c) && c.IsString ? c.AsString : null);
            }
            return result;
        });
    }

    private const string EmbeddedHashField = "_embedded_sha";
    private const string ContentHashField = "_content_sha";

    /// <summary>The product stored under <paramref name="key"/>, or <c>null</c>.</summary>
    /// <exception cref="ProductStoreException">The file is damaged.</exception>
    public Product? Get(long key) => Read(() => _products.FindById(key) is { } doc ? ProductDocument.FromBson(doc) : null);

    /// <summary>The key of the product with catalog id <paramref name="productId"/>, or <c>null</c>.</summary>
    /// <exception cref="ProductStoreException">The file is damaged.</exception>
    public long? KeyOf(string productId) =>
        Read(() => _products.FindOne(Query.EQ("product_id", productId)) is { } doc ? doc["_id"].AsInt64 : (long?)null);

    /// <summary>The products stored under <paramref name="keys"/> (missing keys are left out).</summary>
    public IReadOnlyDictionary<long, Product> GetMany(IEnumerable<long> keys)
    {
        // One primary-key lookup per key: LiteDB's Query.In over _id took ~10× as long for 50 keys (RESULTS.md,
        // "Learned second stage"), and the fetch and rerank stages read a page or the top 50 on every search.
        return Read(() =>
        {
            var products = new Dictionary<long, Product>();
            foreach (var key in keys)
                if (!products.ContainsKey(key) && _products.FindById(key) is { } doc) products[key] = ProductDocument.FromBson(doc);
            return products;
        });
    }

    /// <summary>Every key with its catalog id, in key order.</summary>
    /// <exception cref="ProductStoreException">The file is damaged (thrown while enumerating).</exception>
    public IEnumerable<(long Key, string ProductId)> Keys()
    {
        using var documents = Read(() => _products.Query().OrderBy("_id").Select("{ _id, product_id }").ToDocuments().GetEnumerator());
        while (Read(documents.MoveNext))
            yield return Read(() => (documents.Current["_id"].AsInt64, documents.Current["product_id"].AsString));
    }

    /// <summary>
    /// Each first-level category (the first of a product's category path) with its product count, most products first,
    /// then by name: a pass over the store reading only the category paths.
    /// </summary>
    /// <exception cref="ProductStoreException">The file is damaged.</exception>
    internal IReadOnlyList<CategoryCount> TopLevelCategories() => Read(() => _products.Query().Select("{ top: $.category[0] }").ToDocuments()
        .Select(document => document["top"])
        .Where(value => value.IsString && value.AsString.Length > 0)
        .GroupBy(value => value.AsString, StringComparer.Ordinal)
        .Select(group => new CategoryCount(group.Key, group.LongCount()))
        .ToArray()
        .MostProductsFirst());

    private T Read<T>(Func<T> read)
    {
        // LiteDB closes its engine after a failed consistency check, so every later call would throw its
        // ObjectDisposedException: the first failure is kept and reported again instead.
        if (_failure is { } failed) throw new ProductStoreException(_path, failed.Message, failed);
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException or ProductSearchException)
                                   && !(ex is ObjectDisposedException && _disposed))
        {
            var error = new ProductStoreException(_path, $"Product store '{_path}' cannot be read: {ex.GetType().Name}: {ex.Message}", ex);
            _failure ??= error;
            throw error;
        }
    }

    private volatile ProductStoreException? _failure;
    private volatile bool _disposed;

    /// <summary>Flushes to disk.</summary>
    public void Checkpoint() => _database.Checkpoint();

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _database.Dispose();
    }
}
