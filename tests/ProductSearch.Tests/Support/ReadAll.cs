using ProductSearch.Catalog;

namespace ProductSearch.Tests.Support;

/// <summary>Reads a whole catalog through <see cref="CatalogReaders"/>, for tests.</summary>
internal static class ReadAll
{
    public static async Task<(List<Product> Products, CatalogReadReport Report)> From(string path, CatalogReadOptions? options = null)
    {
        await using var reading = await CatalogReaders.OpenAsync(path, options);
        var products = new List<Product>();
        await foreach (var product in reading.ReadAsync()) products.Add(product);
        return (products, reading.Report);
    }
}
