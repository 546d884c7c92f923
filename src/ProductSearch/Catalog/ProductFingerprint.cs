using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProductSearch.Catalog;

/// <summary>Fingerprints of a product, so an unchanged product is neither re-embedded nor rewritten.</summary>
public static class ProductFingerprint
{
    /// <summary>The text the index embeds for a product.</summary>
    public static string EmbeddedText(Product product) => product.Title;

    /// <summary>SHA-256 of the embedded text, lowercase hex.</summary>
    public static string OfEmbeddedText(Product product) => Hash(EmbeddedText(product));

    /// <summary>SHA-256 of every field, lowercase hex.</summary>
    public static string OfContent(Product product) => Hash(JsonSerializer.Serialize(product));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
