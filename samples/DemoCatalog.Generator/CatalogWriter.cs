using System.Text.Encodings.Web;
using System.Text.Json;

namespace DemoCatalog.Generator;

/// <summary>
/// Writes products as JSON Lines using the Amazon ESCI product column names, in a fixed property order,
/// as readable UTF-8 with "\n" line endings.
/// </summary>
internal static class CatalogWriter
{
    public const string Locale = "us";

    public static void Write(string path, IReadOnlyList<Product> products)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        var options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
        };
        using var writer = new Utf8JsonWriter(stream, options);

        for (int i = 0; i < products.Count; i++)
        {
            WriteProduct(writer, ProductId(i + 1), products[i]);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset(); // Utf8JsonWriter allows one root value; start the next line afresh.
        }
    }

    public static string ProductId(int ordinal) =>
        "DEMO-" + ordinal.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteProduct(Utf8JsonWriter writer, string id, Product product)
    {
        writer.WriteStartObject();
        writer.WriteString("product_id", id);
        writer.WriteString("product_title", product.Title);
        writer.WriteString("product_description", product.Description);
        writer.WriteString("product_bullet_point", string.Join('\n', product.Bullets));
        writer.WriteString("product_brand", product.Brand);
        writer.WriteString("product_color", product.Color);
        writer.WriteString("product_locale", Locale);
        writer.WriteNumber("price", product.Price);
        writer.WriteNumber("rating", product.Rating);
        writer.WriteNumber("rating_count", product.RatingCount);
        writer.WriteStartArray("category");
        foreach (string level in product.Category)
        {
            writer.WriteStringValue(level);
        }

        writer.WriteEndArray();
        writer.WriteString("image_url", string.Empty);
        writer.WriteEndObject();
    }
}
