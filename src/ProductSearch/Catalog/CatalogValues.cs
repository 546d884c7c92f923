using System.Text.Json;

namespace ProductSearch.Catalog;

/// <summary>Turns catalog text into product values, the same way for every format.</summary>
internal static class CatalogValues
{
    /// <summary>The text, or <c>null</c> when it is empty or blank (a missing value in every format).</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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
