using System.Globalization;
using System.Text.Json;

namespace ProductSearch.Catalog;

/// <summary>Turns catalog text into product values, the same way for every format.</summary>
internal static class CatalogValues
{
    /// <summary>The text, or <c>null</c> when it is empty or blank (a missing value in every format).</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A number written as text; currency signs and thousands separators are ignored.</summary>
    public static double? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Prices scraped from pages arrive as text ("$12.99"): read the number, ignore the currency sign.
        var digits = text.Trim().TrimStart('$', '€', '£', '¥').Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
    }

    /// <summary>A price: a <see cref="Number"/> that fits a decimal.</summary>
    public static decimal? Price(double? number) =>
        number is { } value && Math.Abs(value) < 7.9e27 ? (decimal)value : null;

    /// <summary>A count: a <see cref="Number"/> clamped to 0 … <see cref="int.MaxValue"/>.</summary>
    public static int? Count(double? number) => number is { } value ? (int)Math.Clamp(value, 0, int.MaxValue) : null;

    /// <summary>
    /// Categories from one text cell: a JSON array of strings (<c>["Shoes","Girls"]</c>) or levels separated by
    /// <c>|</c> or <c> &gt; </c> (<c>Shoes &gt; Girls</c>), broadest first.
    /// </summary>
    public static IReadOnlyList<string> Categories(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                var values = JsonSerializer.Deserialize<string?[]>(trimmed);
                if (values is not null) return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through and split it as plain text.
            }
        }
        return trimmed.Split(['|', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
