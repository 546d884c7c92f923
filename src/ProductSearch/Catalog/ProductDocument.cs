using LiteDB;

namespace ProductSearch.Catalog;

/// <summary>
/// Maps a <see cref="Product"/> to a LiteDB document and back, by hand: the field names stay the ESCI column
/// names on disk, and an init-only record needs no reflection mapper.
/// </summary>
internal static class ProductDocument
{
    public static BsonDocument ToBson(long key, Product product)
    {
        var doc = new BsonDocument
        {
            ["_id"] = key,
            ["product_id"] = product.Id,
            ["product_title"] = product.Title,
        };
        Set(doc, "product_description", product.Description);
        Set(doc, "product_bullet_point", product.BulletPoints);
        Set(doc, "product_brand", product.Brand);
        Set(doc, "product_color", product.Color);
        Set(doc, "product_locale", product.Locale);
        Set(doc, "image_url", product.ImageUrl);
        if (product.Price is { } price) doc["price"] = price;
        if (product.Rating is { } rating) doc["rating"] = rating;
        if (product.RatingCount is { } count) doc["rating_count"] = count;
        if (product.Categories.Count > 0) doc["category"] = new BsonArray(product.Categories.Select(c => new BsonValue(c)));
        if (product.Attributes.Count > 0) doc["attributes"] = Attributes(product.Attributes);
        return doc;
    }

    public static Product FromBson(BsonDocument doc) => new()
    {
        Id = doc["product_id"].AsString,
        Title = doc["product_title"].AsString,
        Description = Get(doc, "product_description"),
        BulletPoints = Get(doc, "product_bullet_point"),
        Brand = Get(doc, "product_brand"),
        Color = Get(doc, "product_color"),
        Locale = Get(doc, "product_locale"),
        ImageUrl = Get(doc, "image_url"),
        Price = doc.TryGetValue("price", out var price) && price.IsNumber ? price.AsDecimal : null,
        Rating = doc.TryGetValue("rating", out var rating) && rating.IsNumber ? rating.AsDouble : null,
        RatingCount = doc.TryGetValue("rating_count", out var count) && count.IsNumber ? count.AsInt32 : null,
        Categories = doc.TryGetValue("category", out var categories) && categories.IsArray
            ? categories.AsArray.Select(c => c.AsString).ToArray() : [],
        Attributes = doc.TryGetValue("attributes", out var attributes) && attributes.IsDocument ? Attributes(attributes.AsDocument) : Product.NoAttributes,
    };

    /// <summary>Attributes as a sub-document; each value keeps its BSON type (string, double, boolean), so its type survives the store.</summary>
    private static BsonDocument Attributes(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var doc = new BsonDocument();
        foreach (var (name, value) in attributes)
            doc[name] = value.Type switch
            {
                SchemaFieldType.Number => new BsonValue(value.Number!.Value),
                SchemaFieldType.Boolean => new BsonValue(value.Boolean!.Value),
                _ => new BsonValue(value.Keyword),
            };
        return doc;
    }

    private static SortedDictionary<string, AttributeValue> Attributes(BsonDocument doc)
    {
        var attributes = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in doc)
        {
            if (value.IsBoolean) attributes[name] = AttributeValue.Of(value.AsBoolean);
            else if (value.IsNumber) attributes[name] = AttributeValue.Of(value.AsDouble);
            else if (value.IsString && !string.IsNullOrWhiteSpace(value.AsString)) attributes[name] = AttributeValue.Of(value.AsString);
        }
        return attributes;
    }

    private static void Set(BsonDocument doc, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) doc[name] = value;
    }

    private static string? Get(BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;
}
