using System.Text.Json;

namespace ProductSearch.Catalog;

/// <summary>
/// Streams products from a JSON Lines catalog with the official ESCI column names. Lines that are not JSON
/// objects, or lack an id or a title, are skipped and counted in the <see cref="CatalogReadReport"/>; the rest
/// of the catalog is still read. Bytes that are not UTF-8 are replaced by U+FFFD and their lines reported.
/// <see cref="CatalogReaders.OpenAsync"/> reads this format and the others, asynchronously.
/// </summary>
public static class JsonlCatalogReader
{
    /// <summary>Reads <paramref name="path"/> lazily, one product at a time.</summary>
    /// <exception cref="CatalogException">The file is missing or unreadable.</exception>
    public static IEnumerable<Product> Read(string path, CatalogReadReport report, CancellationToken cancellationToken = default)
    {
        var reader = Open(path, report);
        return ReadLines(reader, report, cancellationToken);
    }


    private static CheckedUtf8Reader Open(string path, CatalogReadReport report) =>
        new(CatalogFiles.OpenRead(path), report.InvalidUtf8Line);

    private static IEnumerable<Product> ReadLines(CheckedUtf8Reader reader, CatalogReadReport report, CancellationToken cancellationToken)
    {
        using (reader)
        {
            while (reader.ReadLine() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                cancellationToken.ThrowIfCancellationRequested();
                report.LinesRead++;
                var product = Parse(line, reader.LineNumber, report);
                if (product is null) continue;
                report.Accepted++;
                yield return product;
            }
        }
    }

    /// <summary>Parses one catalog line; <c>null</c> (and a note in the report) when it cannot be a product.</summary>
    internal static Product? Parse(string line, int lineNumber, CatalogReadReport report)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            report.Skip(lineNumber, "not JSON (" + ex.Message + ")");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { report.Skip(lineNumber, "not a JSON object"); return null; }
            var id = Text(root, "product_id");
            var title = Text(root, "product_title");
            if (string.IsNullOrWhiteSpace(id)) { report.Skip(lineNumber, "no product_id"); return null; }
            if (string.IsNullOrWhiteSpace(title)) { report.SkipEmptyTitle(lineNumber, "product_title"); return null; }
            return new Product
            {
                Id = id.Trim(),
                Title = title.Trim(),
                Description = Text(root, "product_description"),
                BulletPoints = Text(root, "product_bullet_point"),
                Brand = Text(root, "product_brand"),
                Color = Text(root, "product_color"),
                Locale = Text(root, "product_locale"),
                Price = CatalogValues.Price(Number(root, "price")),
                Rating = Number(root, "rating"),
                RatingCount = CatalogValues.Count(Number(root, "rating_count")),
                Categories = Categories(root),
                ImageUrl = Text(root, "image_url"),
            };
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        return value.ValueKind == JsonValueKind.String ? CatalogValues.Number(value.GetString()) : null;
    }

    private static IReadOnlyList<string> Categories(JsonElement root)
    {
        if (!root.TryGetProperty("category", out var value)) return [];
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!).Where(s => s.Length > 0).ToArray(),
            JsonValueKind.String when value.GetString() is { Length: > 0 } single => [single],
            _ => [],
        };
    }
}
