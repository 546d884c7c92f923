using System.Text;
using System.Text.Json;
using ProductSearch.Catalog;

namespace ProductSearch.Server.Writes;

/// <summary>A write the service refuses: which record (1-based, as sent), its id when known, which field, and why.</summary>
internal sealed record WriteRefusal(int Record, string? ProductId, string Field, string Reason)
{
    public string Key => $"record {Record}.{Field}";

    public string Message => $"Record {Record}{(ProductId is null ? "" : $" (id '{Shorten(ProductId)}')")}, field '{Field}': {Reason}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>
/// Products as the HTTP API sends and receives them: the fields of <see cref="Product"/> in camelCase (<c>id</c>,
/// <c>title</c>, <c>description</c>, <c>bulletPoints</c>, <c>brand</c>, <c>color</c>, <c>locale</c>, <c>price</c>,
/// <c>rating</c>, <c>ratingCount</c>, <c>categories</c>, <c>imageUrl</c>). Read strictly: an unknown field, a value of
/// the wrong type or out of range refuses the record, naming it and the field — nothing is coerced or dropped silently.
/// The limits are the catalog readers' (<see cref="SearchEngine.MaxProductIdLength"/>, 1,000 characters a filter value).
/// </summary>
internal static class ProductJson
{
    /// <summary>The longest brand, color, locale or category level: each is indexed whole as one filter term (as in catalog files).</summary>
    public const int MaxFilterValueLength = 1000;

    /// <summary>The field names, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["id", "title", "description", "bulletPoints", "brand", "color", "locale", "price", "rating", "ratingCount", "categories", "imageUrl", "attributes"];

    /// <summary>
    /// The products of a <c>PUT /products</c> body: a JSON array of product objects, or JSON Lines (one object a line).
    /// </summary>
    public static (IReadOnlyList<Product> Products, WriteRefusal? Refusal) ReadMany(byte[] body, int maxProducts)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var products = new List<Product>();
        if (text.StartsWith('['))
        {
            JsonDocument document;
            try { document = JsonDocument.Parse(text); }
            catch (JsonException ex) { return ([], new WriteRefusal(0, null, "body", $"not valid JSON ({Position(ex)}).")); }
            using (document)
            {
                var number = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (++number > maxProducts) return ([], TooMany(maxProducts));
                    var (product, refusal) = ReadNew(element, number);
                    if (refusal is not null) return ([], refusal);
                    products.Add(product!);
                }
            }
        }
        else
        {
            var number = 0;
            foreach (var line in text.Split('\n'))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (++number > maxProducts) return ([], TooMany(maxProducts));
                JsonDocument document;
                try { document = JsonDocument.Parse(line); }
                catch (JsonException ex) { return ([], new WriteRefusal(number, null, "body", $"line {number} is not valid JSON ({Position(ex)}).")); }
                using (document)
                {
                    var (product, refusal) = ReadNew(document.RootElement, number);
                    if (refusal is not null) return ([], refusal);
                    products.Add(product!);
                }
            }
        }
        if (products.Count == 0) return ([], new WriteRefusal(0, null, "body", "holds no product: send a JSON array of products or JSON Lines."));
        return (products, null);
    }

    /// <summary>A whole product: <c>id</c> and <c>title</c> are required.</summary>
    public static (Product? Product, WriteRefusal? Refusal) ReadNew(JsonElement element, int number)
    {
        var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        var (product, refusal) = Apply(new Product { Id = "", Title = "" }, element, number, id);
        if (refusal is not null) return (null, refusal);
        if (product!.Id.Length == 0) return (null, new WriteRefusal(number, null, "id", "is required."));
        if (product.Title.Length == 0) return (null, new WriteRefusal(number, product.Id, "title", "is required."));
        return (product, null);
    }

    /// <summary>
    /// <paramref name="product"/> with the fields of <paramref name="patch"/> (a JSON object) set: a partial update.
    /// <c>null</c> clears an optional field; <c>id</c> and <c>title</c> cannot be cleared. <c>attributes</c> is merged
    /// into the product's (JSON Merge Patch): a name set to <c>null</c> removes that attribute, the others are kept;
    /// <c>"attributes": null</c> removes them all.
    /// </summary>
    public static (Product? Product, WriteRefusal? Refusal) Apply(Product product, JsonElement patch, int number, string? id)
    {
        if (patch.ValueKind != JsonValueKind.Object) return (null, new WriteRefusal(number, id, "body", $"a product is a JSON object, not {Kind(patch)}."));
        foreach (var property in patch.EnumerateObject())
        {
            var value = property.Value;
            WriteRefusal Refuse(string reason) => new(number, id, property.Name, reason);
            try
            {
                product = property.Name switch
                {
                    "id" => product with { Id = RequiredText(value, SearchEngine.MaxProductIdLength) },
                    "title" => product with { Title = RequiredText(value, int.MaxValue) },
                    "description" => product with { Description = Text(value, int.MaxValue) },
                    "bulletPoints" => product with { BulletPoints = Text(value, int.MaxValue) },
                    "brand" => product with { Brand = Text(value, MaxFilterValueLength) },
                    "color" => product with { Color = Text(value, MaxFilterValueLength) },
                    "locale" => product with { Locale = Text(value, MaxFilterValueLength) },
                    "imageUrl" => product with { ImageUrl = Text(value, int.MaxValue) },
                    "price" => product with { Price = Price(value) },
                    "rating" => product with { Rating = Rating(value) },
                    "ratingCount" => product with { RatingCount = Count(value) },
                    "categories" => product with { Categories = Categories(value) },
                    "attributes" => product with { Attributes = Attributes(product.Attributes, value) },
                    _ => throw new FormatException($"is not a product field; the fields are {string.Join(", ", Fields)}."),
                };
            }
            catch (AttributeFormatException ex)
            {
                return (null, new WriteRefusal(number, id, $"attributes.{ex.Attribute}", ex.Message));
            }
            catch (FormatException ex)
            {
                return (null, Refuse(ex.Message));
            }
        }
        return (product, null);
    }

    private static string RequiredText(JsonElement value, int maxLength) =>
        Text(value, maxLength) ?? throw new FormatException("must be a non-empty string.");

    private static string? Text(JsonElement value, int maxLength)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"must be a string, not {Kind(value)}.");
        var text = value.GetString()!.Trim();
        if (text.Length > maxLength) throw new FormatException($"has {text.Length:N0} characters; at most {maxLength:N0}.");
        return text.Length == 0 ? null : text;
    }

    private static decimal? Price(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var price)) throw new FormatException($"must be a number, not {Kind(value)}.");
        return price >= 0 ? price : throw new FormatException("must not be negative.");
    }

    private static double? Rating(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var rating)) throw new FormatException($"must be a number, not {Kind(value)}.");
        return rating is >= 0 and <= 5 ? rating : throw new FormatException("must be between 0 and 5.");
    }

    private static int? Count(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count)) throw new FormatException("must be a whole number.");
        return count >= 0 ? count : throw new FormatException("must not be negative.");
    }

    private static IReadOnlyList<string> Categories(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException($"must be an array of strings (broadest first), not {Kind(value)}.");
        return value.EnumerateArray().Select(c => Text(c, MaxFilterValueLength)).OfType<string>().ToArray();
    }

    /// <summary>
    /// <paramref name="current"/> with the attributes of <paramref name="value"/> laid over it: a string is a keyword,
    /// a number a number, <c>true</c>/<c>false</c> a boolean, <c>null</c> removes the attribute. Names follow
    /// <see cref="AttributeNames"/>; an object or a list is refused (attributes are flat), as is a blank string.
    /// </summary>
    private static IReadOnlyDictionary<string, AttributeValue> Attributes(IReadOnlyDictionary<string, AttributeValue> current, JsonElement value)
    {
        var attributes = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Null) return attributes;
        if (value.ValueKind != JsonValueKind.Object) throw new FormatException($"must be an object of name: value, not {Kind(value)}.");
        foreach (var (name, old) in current) attributes[name] = old;
        foreach (var attribute in value.EnumerateObject())
        {
            var name = attribute.Name;
            if (AttributeNames.Problem(name) is { } problem) throw new AttributeFormatException(name, $"{problem}.");
            var given = attribute.Value;
            if (given.ValueKind == JsonValueKind.Null)
            {
                attributes.Remove(name);
                continue;
            }
            try
            {
                attributes[name] = given.ValueKind switch
                {
                    JsonValueKind.String => AttributeValue.Of(Text(given, MaxFilterValueLength) ?? throw new FormatException("is a blank string; send null to remove it.")),
                    JsonValueKind.Number when given.TryGetDouble(out var number) && double.IsFinite(number) => AttributeValue.Of(number),
                    JsonValueKind.Number => throw new FormatException("is a number too large for a double."),
                    JsonValueKind.True or JsonValueKind.False => AttributeValue.Of(given.GetBoolean()),
                    _ => throw new FormatException($"is {Kind(given)}; an attribute is a string, a number or a boolean (null removes it)."),
                };
            }
            catch (FormatException ex)
            {
                throw new AttributeFormatException(name, ex.Message);
            }
        }
        return attributes;
    }

    private static WriteRefusal TooMany(int max) => new(max + 1, null, "body", $"one write takes at most {max:N0} products; send the rest in another.");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Position(JsonException ex) =>
        ex.LineNumber is { } line ? $"line {line + 1}, position {ex.BytePositionInLine + 1}" : "unexpected content";
}

/// <summary>A custom attribute's value or name that cannot be taken; the refusal names the field as <c>attributes.NAME</c>.</summary>
internal sealed class AttributeFormatException(string attribute, string message) : FormatException(message)
{
    public string Attribute { get; } = attribute;
}
