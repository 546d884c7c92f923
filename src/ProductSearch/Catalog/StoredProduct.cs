namespace ProductSearch.Catalog;

/// <summary>A product as the index writer stores it: its key and the fingerprints that let the next run skip it.</summary>
/// <param name="Key">The numeric key shared by the three stores.</param>
/// <param name="Product">The product.</param>
/// <param name="EmbeddedTextHash">SHA-256 of the text that was embedded (the title).</param>
/// <param name="ContentHash">SHA-256 of the whole product.</param>
public sealed record StoredProduct(long Key, Product Product, string EmbeddedTextHash, string ContentHash);
