namespace ProductSearch.Ranking;

/// <summary>
/// Words that mark a title as an accessory of the thing the shopper asked for, and the words after which a title
/// names the product it goes with ("case for iPhone 14", "compatible with …"). ESCI's hardest misses are such
/// titles: they repeat every word of a query for a phone, a racket or a vacuum, and both retrievers rank them high.
/// Kept as analysed stems (<see cref="Lexical.ProductAnalyzer"/>), so "cases" and "case" are one cue.
/// </summary>
internal static class AccessoryCues
{
    /// <summary>Words that name an accessory or a part rather than the product itself.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "case", "cover", "replacement", "compatible", "charger", "strap", "band", "protector", "adapter", "cable", "holder",
        "mount", "skin", "sleeve", "pouch", "refill", "grip", "overgrip", "film", "decal", "sticker", "insert", "holster",
        "bracket", "accessory", "part", "filter", "tip", "pad", "clip",
    ];

    /// <summary>Lowercased title words after which the title names what the product is for or fits.</summary>
    public static IReadOnlySet<string> ForMarkers { get; } = new HashSet<string>(StringComparer.Ordinal) { "for", "compatible", "fits", "fit" };
}
