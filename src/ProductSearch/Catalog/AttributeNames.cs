using System.Text;

namespace ProductSearch.Catalog;

/// <summary>
/// How custom attributes are named: lowercase ASCII letters, digits and <c>_</c>, starting with a letter, at most
/// <see cref="MaxLength"/> characters, and none of the built-in fields' names (those are product members). A catalog
/// column's header becomes a name by <see cref="FromColumn"/>.
/// </summary>
public static class AttributeNames
{
    /// <summary>The longest attribute name.</summary>
    public const int MaxLength = 64;

    /// <summary>The names of built-in product fields, which an attribute may not take.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "product_id", "title", "product_title", "description", "product_description", "bullets", "product_bullet_point",
        "brand", "product_brand", "color", "product_color", "locale", "product_locale", "price", "rating", "rating_count",
        "category", "image_url", "key", "relevance",
    };

    /// <summary>Why <paramref name="name"/> cannot name an attribute, or <c>null</c> when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "an attribute name is empty";
        if (name.Length > MaxLength) return $"attribute name '{name[..20]}…' is longer than {MaxLength} characters";
        if (!char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            return $"attribute name '{name}' is not lowercase letters, digits and _ starting with a letter";
        if (BuiltIn.Contains(name)) return $"attribute name '{name}' is a built-in field's";
        return null;
    }

    /// <summary>
    /// The attribute name a column header gives: trimmed, lowercased, each run of other characters than letters and
    /// digits made one <c>_</c> (<c>Weight (kg)</c> → <c>weight_kg</c>).
    /// </summary>
    public static string FromColumn(string header)
    {
        var name = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) name.Append(c);
            else if (name.Length > 0 && name[^1] != '_') name.Append('_');
        }
        return name.ToString().TrimEnd('_');
    }
}
