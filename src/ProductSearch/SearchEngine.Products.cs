using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch;

/// <summary>Lookups by catalog id: what a product page needs once a shopper picked a result.</summary>
public sealed partial class SearchEngine
{
    /// <summary>
    /// Longest catalog id, in UTF-16 characters, that a catalog may hold and <see cref="GetProduct"/> accepts: within
    /// LiteDB's 1,023-byte index keys at 3 bytes a character (ESCI ids are ten characters).
    /// </summary>
    public const int MaxProductIdLength = 256;

    /// <summary>Reads the product with catalog id <paramref name="productId"/>; see <see cref="GetProduct"/>.</summary>
    /// <remarks>LiteDB reads a single document by an indexed field in microseconds, so this runs on the caller's thread.</remarks>
    public Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(GetProduct(productId));
    }

    /// <summary>The product with catalog id <paramref name="productId"/> (compared exactly, case included), or <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="MaxProductIdLength"/>.</exception>
    public Product? GetProduct(string productId)
    {
        CheckProductId(productId);
        using var lease = _snapshots.Acquire();
        return FindProduct(lease.Snapshot, productId);
    }

    /// <summary>Refuses what <see cref="GetProduct"/> refuses.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="MaxProductIdLength"/>.</exception>
    internal static void CheckProductId(string productId)
    {
        ArgumentNullException.ThrowIfNull(productId);
        if (string.IsNullOrWhiteSpace(productId)) throw new ArgumentException("The product id is empty.", nameof(productId));
        if (productId.Length > MaxProductIdLength)
            throw new ArgumentException($"The product id is longer than {MaxProductIdLength} characters.", nameof(productId));
    }

    /// <summary>The product of <paramref name="snapshot"/> with catalog id <paramref name="productId"/>, compared exactly, or <c>null</c>.</summary>
    internal static Product? FindProduct(IndexSnapshot snapshot, string productId)
    {
        // The store compares ids ordinally; the exact check also guards stores written with LiteDB's default
        // collation, which ignores case.
        var store = snapshot.Store;
        var product = store.KeyOf(productId) is { } key ? store.Get(key) : null;
        return product is not null && string.Equals(product.Id, productId, StringComparison.Ordinal) ? product : null;
    }

    /// <summary>
    /// The catalog's first-level categories (the first of each product's category path) with their product counts,
    /// most products first: what a shop's department menu lists. Counted once per commit, on first call, by a pass
    /// over the product store; later calls on the same commit return the same list.
    /// </summary>
    /// <exception cref="ProductSearchException">The product store is damaged.</exception>
    public IReadOnlyList<CategoryCount> GetTopLevelCategories()
    {
        using var lease = _snapshots.Acquire();
        return lease.Snapshot.TopLevelCategories;
    }

    /// <summary>The first-level categories; see <see cref="GetTopLevelCategories"/> (counted once per commit, on this thread).</summary>
    public Task<IReadOnlyList<CategoryCount>> GetTopLevelCategoriesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(GetTopLevelCategories());
    }

    /// <summary>The schema of the commit being searched.</summary>
    public IndexSchema Schema
    {
        get
        {
            using var lease = _snapshots.Acquire();
            return lease.Snapshot.Schema;
        }
    }

    /// <summary>The schema of the commit being searched; see <see cref="Schema"/>.</summary>
    public Task<IndexSchema> GetSchemaAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Schema);
    }
}
