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
            CatalogRecord record;
            try
            {
                record = Record(root);
            }
            catch (InvalidOperationException ex)
            {
                // A string escape that is half a surrogate pair ("\ud800") parses as JSON but cannot become text.
                report.Skip(lineNumber, "a string that is not valid UTF-16 (" + ex.Message + ")");
                return null;
            }
            return record.ToProduct(lineNumber, report, CatalogColumnMap.Esci.ColumnFor);
        }
    }

    private static CatalogRecord Record(JsonElement root) => new()
    {
        Id = Text(root, "product_id"),
        Title = Text(root, "product_title"),
        Description = Text(root, "product_description"),
        BulletPoints = Text(root, "product_bullet_point"),
        Brand = Text(root, "product_brand"),
        Color = Text(root, "product_color"),
        Locale = Text(root, "product_locale"),
        Price = Number(root, "price"),
        Rating = Number(root, "rating"),
        RatingCount = Number(root, "rating_count"),
        Categories = Categories(root),
        ImageUrl = Text(root, "image_url"),
        Attributes = Attributes(root),
    };

    /// <summary>
    /// The <c>attributes</c> object: a string is a keyword, a number a number, <c>true</c>/<c>false</c> a boolean; a
    /// null or empty value is absent. Another value (an object, a list, a number too large for a double) is kept as
    /// its JSON text, a keyword, so it is seen rather than dropped.
    /// </summary>
    private static IReadOnlyList<(string Name, AttributeValue Value)> Attributes(JsonElement root)
    {
        if (!root.TryGetProperty("attributes", out var value) || value.ValueKind != JsonValueKind.Object) return [];
        var attributes = new List<(string, AttributeValue)>();
        foreach (var property in value.EnumerateObject())
        {
            AttributeValue? attribute = property.Value.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(property.Value.GetString()) ? null : AttributeValue.Of(property.Value.GetString()!),
                JsonValueKind.True => AttributeValue.Of(true),
                JsonValueKind.False => AttributeValue.Of(false),
                JsonValueKind.Number when property.Value.TryGetDouble(out var number) && double.IsFinite(number) => AttributeValue.Of(number),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => AttributeValue.Of(property.Value.GetRawText()),
            };
            if (attribute is not null) attributes.Add((property.Name.Trim().ToLowerInvariant(), attribute));
        }
        return attributes;
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

    /// <summary>A number field as text: a JSON number as written (so 1e400 is seen, not read as infinity), a string as it is, anything else (true, a list) as JSON, to be reported as not a number.</summary>
    private static string? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
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
