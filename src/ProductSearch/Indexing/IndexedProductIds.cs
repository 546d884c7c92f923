using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>
/// The catalog ids of the products an index holds, read from its current generation's product store — for an
/// evaluation to count judged products the index lacks. Reads the store once and closes it, so call it before
/// opening a <see cref="SearchEngine"/> on the same folder.
/// </summary>
public static class IndexedProductIds
{
    /// <summary>Reads the ids of the products in the index at <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexException">No index there, or its product store cannot be read.</exception>
    public static IReadOnlySet<string> Read(string indexPath)
    {
        var layout = new IndexLayout(indexPath);
        var manifest = layout.ReadManifest();
        var path = layout.ProductStorePath(manifest.Generation);
        try
        {
            using var store = ProductStore.OpenReadOnly(path);
            return store.Keys().Select(k => k.ProductId).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw IndexException.Damaged(layout.Root, $"Cannot read the product store '{path}': {ex.Message}", ex);
        }
    }
}
