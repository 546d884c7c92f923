using System.Globalization;

namespace ProductSearch.Catalog;

/// <summary>
/// The value of one custom product attribute (<see cref="Product.Attributes"/>): a keyword, a finite number or a
/// boolean. Which of them a field holds across the catalog is the index schema's business; a value keeps the type it
/// was read with.
/// </summary>
public sealed record AttributeValue
{
    private AttributeValue(SchemaFieldType type, string? keyword, double? number, bool? boolean)
    {
        Type = type;
        Keyword = keyword;
        Number = number;
        Boolean = boolean;
    }

    /// <summary>The type the value was read with.</summary>
    public SchemaFieldType Type { get; }

    /// <summary>The text, for a <see cref="SchemaFieldType.Keyword"/> value.</summary>
    public string? Keyword { get; }

    /// <summary>The number, for a <see cref="SchemaFieldType.Number"/> value.</summary>
    public double? Number { get; }

    /// <summary>The flag, for a <see cref="SchemaFieldType.Boolean"/> value.</summary>
    public bool? Boolean { get; }

    /// <summary>A keyword value (trimmed).</summary>
    /// <exception cref="ArgumentException">The text is empty or blank.</exception>
    public static AttributeValue Of(string keyword)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        return new(SchemaFieldType.Keyword, keyword.Trim(), null, null);
    }

    /// <summary>A number value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite.</exception>
    public static AttributeValue Of(double number)
    {
        if (!double.IsFinite(number)) throw new ArgumentOutOfRangeException(nameof(number), number, "An attribute number must be finite.");
        return new(SchemaFieldType.Number, null, number, null);
    }

    /// <summary>A boolean value.</summary>
    public static AttributeValue Of(bool flag) => new(SchemaFieldType.Boolean, null, null, flag);

    /// <summary>
    /// A value read from catalog text (a CSV or TSV cell): <c>true</c>/<c>false</c> (any case) is a boolean, an
    /// invariant-culture finite number is a number, anything else a keyword; <c>null</c> for empty text.
    /// </summary>
    public static AttributeValue? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (bool.TryParse(trimmed, out var flag)) return Of(flag);
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return Of(number);
        return Of(trimmed);
    }

    /// <summary>
    /// This value as a value of <paramref name="type"/>, or <c>null</c> when it cannot be one: every value reads as a
    /// keyword (numbers in invariant culture, booleans as <c>true</c>/<c>false</c>); a keyword reads as a number or a
    /// boolean when its text is one.
    /// </summary>
    public AttributeValue? As(SchemaFieldType type) => type == Type ? this : type switch
    {
        SchemaFieldType.Keyword => Of(ToString()),
        _ => Type == SchemaFieldType.Keyword && FromText(Keyword) is { } read && read.Type == type ? read : null,
    };

    /// <summary>The value as text: the keyword, the number in invariant culture (round-trip), <c>true</c> or <c>false</c>.</summary>
    public override string ToString() => Type switch
    {
        SchemaFieldType.Number => Number!.Value.ToString("R", CultureInfo.InvariantCulture),
        SchemaFieldType.Boolean => Boolean!.Value ? "true" : "false",
        _ => Keyword!,
    };
}
