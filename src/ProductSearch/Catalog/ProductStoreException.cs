namespace ProductSearch.Catalog;

/// <summary>
/// A product store file that cannot be read as a store (<see cref="ProductSearchErrorReason.DamagedIndex"/>): a damaged
/// page or record met while reading it. The message names the file; <see cref="StorePath"/> holds it.
/// </summary>
public sealed class ProductStoreException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public ProductStoreException(string storePath, string message, Exception? inner = null)
        : base(ProductSearchErrorReason.DamagedIndex, message, inner) => StorePath = storePath;

    /// <summary>The store file.</summary>
    public string StorePath { get; }
}
