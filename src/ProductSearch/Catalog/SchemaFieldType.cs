namespace ProductSearch.Catalog;

/// <summary>The type of a product field's values, as the index schema declares it.</summary>
public enum SchemaFieldType
{
    /// <summary>Text matched whole (case-insensitive): a size, a material, a brand.</summary>
    Keyword,

    /// <summary>A finite number: a price, a weight, a rating.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>: a stock flag.</summary>
    Boolean,
}
