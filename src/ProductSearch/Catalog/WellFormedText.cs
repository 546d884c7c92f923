using System.Text;

namespace ProductSearch.Catalog;

/// <summary>
/// Products as the stores can hold them: a lone UTF-16 surrogate (possible in a string a library caller hands in,
/// never in text decoded from UTF-8) cannot be encoded as UTF-8, and LiteDB would abort the whole commit on it.
/// Each becomes U+FFFD, as a UTF-8 decoder makes of a broken sequence.
/// </summary>
internal static class WellFormedText
{
    /// <summary><paramref name="product"/>, or a copy with every lone surrogate in its text replaced.</summary>
    public static Product Of(Product product)
    {
        if (IsWellFormed(product.Id) && IsWellFormed(product.Title) && IsWellFormed(product.Description) && IsWellFormed(product.BulletPoints)
            && IsWellFormed(product.Brand) && IsWellFormed(product.Color) && IsWellFormed(product.Locale) && IsWellFormed(product.ImageUrl)
            && product.Categories.All(IsWellFormed))
            return product;
        return product with
        {
            Id = Replace(product.Id)!,
            Title = Replace(product.Title)!,
            Description = Replace(product.Description),
            BulletPoints = Replace(product.BulletPoints),
            Brand = Replace(product.Brand),
            Color = Replace(product.Color),
            Locale = Replace(product.Locale),
            ImageUrl = Replace(product.ImageUrl),
            Categories = product.Categories.Select(c => Replace(c)!).ToArray(),
        };
    }

    private static bool IsWellFormed(string? text) => text is null || !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') || Valid(text);

    private static bool Valid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return false;
        }
        return true;
    }

    private static string? Replace(string? text)
    {
        if (text is null || Valid(text)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { builder.Append(c).Append(text[++i]); continue; }
            builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }
}
