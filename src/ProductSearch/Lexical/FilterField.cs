namespace ProductSearch.Lexical;

/// <summary>
/// A product field that filters can test for equality: its public name and the untokenized Lucene field that
/// holds its lowercased, trimmed value (so <c>Nike</c>, <c>nike</c> and <c> NIKE </c> all match).
/// </summary>
public sealed record FilterField(string Name, string LuceneField, FilterValueKind Kind)
{
    /// <summary>Brand, case-insensitive.</summary>
    public static readonly FilterField Brand = new("brand", LexicalFields.FilterPrefix + "brand", FilterValueKind.Text);

    /// <summary>Color, case-insensitive.</summary>
    public static readonly FilterField Color = new("color", LexicalFields.FilterPrefix + "color", FilterValueKind.Text);

    /// <summary>Locale (us, es, jp).</summary>
    public static readonly FilterField Locale = new("locale", LexicalFields.FilterPrefix + "locale", FilterValueKind.Text);

    /// <summary>Any level of the category path.</summary>
    public static readonly FilterField Category = new("category", LexicalFields.FilterPrefix + "category", FilterValueKind.Text);

    /// <summary>The catalog id, exact.</summary>
    public static readonly FilterField ProductId = new("product_id", LexicalFields.ProductId, FilterValueKind.ExactText);

    /// <summary>Price.</summary>
    public static readonly FilterField Price = new("price", LexicalFields.Price, FilterValueKind.Number);

    /// <summary>Average rating.</summary>
    public static readonly FilterField Rating = new("rating", LexicalFields.Rating, FilterValueKind.Number);

    /// <summary>Number of ratings.</summary>
    public static readonly FilterField RatingCount = new("rating_count", LexicalFields.RatingCount, FilterValueKind.Integer);

    /// <summary>Every filterable field, by public name (ESCI's <c>product_</c> prefix is accepted too).</summary>
    public static IReadOnlyList<FilterField> All { get; } = [Brand, Color, Locale, Category, ProductId, Price, Rating, RatingCount];

    /// <summary>Finds a field by name (<c>brand</c> or <c>product_brand</c>, any case), or <c>null</c>.</summary>
    public static FilterField? Find(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        return All.FirstOrDefault(f => f.Name == key) ?? All.FirstOrDefault(f => "product_" + f.Name == key);
    }

    /// <summary>The filter field of custom attribute <paramref name="name"/> of <paramref name="type"/>.</summary>
    internal static FilterField ForAttribute(string name, Catalog.SchemaFieldType type) => type switch
    {
        Catalog.SchemaFieldType.Number => new(name, LexicalFields.AttributeNumber(name), FilterValueKind.Number),
        Catalog.SchemaFieldType.Boolean => new(name, LexicalFields.AttributeTerm(name), FilterValueKind.Boolean),
        _ => new(name, LexicalFields.AttributeTerm(name), FilterValueKind.Text),
    };

    /// <summary>How text values are compared: trimmed and lowercased.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}

/// <summary>The type of a filterable field's values.</summary>
public enum FilterValueKind
{
    /// <summary>Text compared without case.</summary>
    Text,
    /// <summary>Text compared exactly.</summary>
    ExactText,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
