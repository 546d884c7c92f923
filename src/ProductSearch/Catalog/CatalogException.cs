namespace ProductSearch.Catalog;

/// <summary>A catalog that cannot be read at all; the message names the file.</summary>
public sealed class CatalogException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public CatalogException(string message, Exception? inner = null) : base(ProductSearchErrorReason.InvalidInput, message, inner) { }
}
