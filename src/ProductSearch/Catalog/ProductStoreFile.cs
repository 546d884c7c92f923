using LiteDB;

namespace ProductSearch.Catalog;

/// <summary>
/// One LiteDB file of product documents — a product store's base or its delta (<see cref="ProductStore"/>): documents
/// under their numeric key with a unique index on the catalog id, and, in a delta, the keys of the base that no longer
/// count. A damaged file met while reading (LiteDB then throws whatever its decoding hits: casts, ranges, its own
/// errors) is reported as a <see cref="ProductStoreException"/> naming the file. Thread-safe: LiteDB serializes access
/// inside one instance.
/// </summary>
internal sealed class ProductStoreFile : IDisposable
{
    private const string CollectionName = "products";
    private const string ShadowedCollectionName = "shadowed";
    private const string MetadataCollectionName = "metadata";
    private const string EmbeddedHashField = "_embedded_sha";
    private const string ContentHashField = "_content_sha";

    /// <summary>LiteDB's page size: its files grow and are checkpointed in whole pages.</summary>
    private const int PageSize = 8192;

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _products;
    private volatile ProductStoreException? _failure;
    private volatile bool _disposed;

    private ProductStoreFile(string path, LiteDatabase database)
    {
        Path = path;
        _database = database;
        _products = database.GetCollection(CollectionName);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Creates (or opens for writing) the file at <paramref name="path"/>.</summary>
    public static ProductStoreFile OpenWritable(string path)
    {
        // Ordinal collation (fixed when the file is created): catalog ids that differ only in case are different
        // products, and LiteDB's default collation would fold them into one.
        var file = new ProductStoreFile(path, new LiteDatabase(new ConnectionString
        {
            Filename = path, Connection = ConnectionType.Direct,
            Collation = new Collation(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal),
        }));
        try
        {
            file._products.EnsureIndex("product_id", unique: true);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file at <paramref name="path"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">No file at that path.</exception>
    /// <exception cref="ProductStoreException">The file is empty or cut short.</exception>
    public static ProductStoreFile OpenReadOnly(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Product store '{path}' does not exist.", path);
        // LiteDB takes an empty or cut-off file for one to initialise and writes to it even when opened read-only;
        // the write fails, and the transaction it abandons throws from its finalizer later, ending the process.
        // Such a file is damage to report, and LiteDB must never see it.
        var length = new FileInfo(path).Length;
        if (length == 0 || length % PageSize != 0)
            throw new ProductStoreException(path, $"Product store '{path}' is {length:N0} bytes, not whole {PageSize:N0}-byte pages: it was emptied or cut short.");
        return new ProductStoreFile(path, new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }));
    }

    /// <summary>Number of documents.</summary>
    public long Count => Read(_products.LongCount);

    /// <summary>Inserts or replaces documents under their keys, in one transaction.</summary>
    public void Upsert(IEnumerable<BsonDocument> documents) => _products.Upsert(documents);

    /// <summary>The document of a product with the fingerprints the index writer compares on the next run.</summary>
    public static BsonDocument ToBson(StoredProduct product)
    {
        var doc = ProductDocument.ToBson(product.Key, product.Product);
        doc[EmbeddedHashField] = product.EmbeddedTextHash;
        doc[ContentHashField] = product.ContentHash;
        return doc;
    }

    /// <summary>Removes the document under <paramref name="key"/>; false when there was none.</summary>
    public bool Delete(long key) => _products.Delete(key);

    /// <summary>Removes the documents under <paramref name="keys"/> (absent ones are no error), in one transaction.</summary>
    public void Delete(IEnumerable<long> keys)
    {
        _database.BeginTrans();
        try
        {
            foreach (var key in keys) _products.Delete(key);
            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    /// <summary>Whether a document is stored under <paramref name="key"/>.</summary>
    // A primary-key lookup: LiteDB's Exists(Query.EQ("_id", key)) took ~2.7 ms a key against ~0.06 ms (50k documents).
    public bool Contains(long key) => Read(() => _products.FindById(key) is not null);

    /// <summary>The largest key in use (0 when empty): the last entry of the key index, not a pass over it.</summary>
    public long MaxKey() =>
        Read(() => _products.Query().OrderByDescending("_id").Select("{ _id }").Limit(1).ToDocuments().FirstOrDefault() is { } doc ? doc["_id"].AsInt64 : 0);

    /// <summary>Key and fingerprints of each of <paramref name="productIds"/> that is stored.</summary>
    public IReadOnlyDictionary<string, (long Key, string? EmbeddedTextHash, string? ContentHash)> Lookup(IReadOnlyCollection<string> productIds)
    {
        var result = new Dictionary<string, (long, string?, string?)>(StringComparer.Ordinal);
        if (productIds.Count == 0) return result;
        var ids = productIds.Select(id => new BsonValue(id)).ToArray();
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

    /// <summary>The product stored under <paramref name="key"/>, or <c>null</c>.</summary>
    public Product? Get(long key) => Read(() => _products.FindById(key) is { } doc ? ProductDocument.FromBson(doc) : null);

    /// <summary>The key of the product with catalog id <paramref name="productId"/>, or <c>null</c>.</summary>
    public long? KeyOf(string productId) => Read(() => _products.FindOne(Query.EQ("product_id", productId)) is { } doc ? doc["_id"].AsInt64 : (long?)null);

    /// <summary>Every key with its catalog id, in key order.</summary>
    /// <exception cref="ProductStoreException">The file is damaged (thrown while enumerating).</exception>
    public IEnumerable<(long Key, string ProductId)> Keys()
    {
        using var documents = Read(() => _products.Query().OrderBy("_id").Select("{ _id, product_id }").ToDocuments().GetEnumerator());
        while (Read(documents.MoveNext))
            yield return Read(() => (documents.Current["_id"].AsInt64, documents.Current["product_id"].AsString));
    }

    /// <summary>Every document, in key order.</summary>
    /// <exception cref="ProductStoreException">The file is damaged (thrown while enumerating).</exception>
    public IEnumerable<BsonDocument> Documents()
    {
        using var documents = Read(() => _products.Query().OrderBy("_id").ToDocuments().GetEnumerator());
        while (Read(documents.MoveNext)) yield return documents.Current;
    }

    /// <summary>
    /// Adds to <paramref name="counts"/> the first of the category path of each product whose key <paramref name="counts"/>
    /// includes: a pass reading only the keys and category paths.
    /// </summary>
    public void CountTopLevelCategories(Dictionary<string, long> counts, Func<long, bool> include) => Read(() =>
    {
        foreach (var document in _products.Query().Select("{ _id, top: $.category[0] }").ToDocuments())
        {
            var top = document["top"];
            if (!top.IsString || top.AsString.Length == 0 || !include(document["_id"].AsInt64)) continue;
            counts[top.AsString] = counts.GetValueOrDefault(top.AsString) + 1;
        }
        return counts;
    });

    /// <summary>The base keys a delta records as no longer counting (replaced or deleted).</summary>
    public IReadOnlyCollection<long> ShadowedKeys() =>
        Read(() => _database.GetCollection(ShadowedCollectionName).FindAll().Select(d => d["_id"].AsInt64).ToArray());

    /// <summary>Records base keys that no longer count.</summary>
    public void Shadow(IEnumerable<long> keys) =>
        _database.GetCollection(ShadowedCollectionName).Upsert(keys.Select(key => new BsonDocument { ["_id"] = key }));

    /// <summary>A number recorded under <paramref name="name"/> (a delta records its base's product count), or <c>null</c>.</summary>
    public long? Recorded(string name) =>
        Read(() => _database.GetCollection(MetadataCollectionName).FindById(name) is { } doc && doc["value"].IsInt64 ? doc["value"].AsInt64 : (long?)null);

    /// <summary>Records <paramref name="value"/> under <paramref name="name"/>.</summary>
    public void Record(string name, long value) =>
        _database.GetCollection(MetadataCollectionName).Upsert(new BsonDocument { ["_id"] = name, ["value"] = value });

    /// <summary>Runs <paramref name="read"/>, reporting a failure of LiteDB as damage to this file.</summary>
    public T Read<T>(Func<T> read)
    {
        // LiteDB closes its engine after a failed consistency check, so every later call would throw its
        // ObjectDisposedException: the first failure is kept and reported again instead.
        if (_failure is { } failed) throw new ProductStoreException(Path, failed.Message, failed);
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException or ProductSearchException)
                                   && !(ex is ObjectDisposedException && _disposed))
        {
            var error = new ProductStoreException(Path, $"Product store '{Path}' cannot be read: {ex.GetType().Name}: {ex.Message}", ex);
            _failure ??= error;
            throw error;
        }
    }

    /// <summary>Flushes to disk.</summary>
    public void Checkpoint() => _database.Checkpoint();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _database.Dispose();
    }
}
