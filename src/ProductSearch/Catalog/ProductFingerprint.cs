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

    /// <summary>
    /// SHA-256 of every field, lowercase hex. A product without attributes hashes as it did before attributes existed
    /// (so an index built then is not rewritten whole); attributes are hashed in name order, each with its type.
    /// </summary>
    public static string OfContent(Product product)
    {
        var fields = JsonSerializer.Serialize(product, WithoutAttributes);
        if (product.Attributes.Count == 0) return Hash(fields);
        var attributes = product.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}:{(int)a.Value.Type}:{a.Value}");
        return Hash(fields + "\n" + JsonSerializer.Serialize(attributes));
    }

    private static readonly JsonSerializerOptions WithoutAttributes = new()
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(Product)) return;
                    foreach (var property in info.Properties)
                        if (property.Name == nameof(Product.Attributes)) property.ShouldSerialize = static (_, _) => false;
                },
            },
        },
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
