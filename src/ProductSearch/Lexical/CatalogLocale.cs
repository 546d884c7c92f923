namespace ProductSearch.Lexical;

/// <summary>
/// The languages the lexical side analyses, named by the product locales of the ESCI catalogs (<c>product_locale</c>):
/// <c>us</c> English (word parts, English stop words, Porter stemming), <c>es</c> Spanish (Spanish stop words, Lucene's
/// light Spanish stemmer), <c>jp</c> Japanese (Lucene's CJK bigrams: Japanese has no spaces between words, and
/// Kuromoji, the morphological analyser, is not on our NuGet mirror). A product is analysed by its own locale; a
/// query by the locale it carries (by default the catalog's most common one).
/// </summary>
public static class CatalogLocale
{
    /// <summary>English (the United States catalog).</summary>
    public const string English = "us";

    /// <summary>Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>Japanese.</summary>
    public const string Japanese = "jp";

    /// <summary>Every locale with its own analysis.</summary>
    public static IReadOnlyList<string> Known { get; } = [English, Spanish, Japanese];

    /// <summary>
    /// The analysis locale of <paramref name="locale"/> (case and the aliases <c>en</c>, <c>ja</c> accepted); English for
    /// a product without one, or one of a locale we have no analysis for.
    /// </summary>
    public static string OfProduct(string? locale) => Find(locale) ?? English;

    /// <summary>The known locale <paramref name="locale"/> names, or <c>null</c>.</summary>
    public static string? Find(string? locale) => locale?.Trim().ToLowerInvariant() switch
    {
        "us" or "en" or "en-us" or "en_us" => English,
        "es" or "es-es" or "es_es" => Spanish,
        "jp" or "ja" or "ja-jp" or "ja_jp" => Japanese,
        _ => null,
    };

    /// <summary>The known locale a query names; throws naming the known ones for anything else.</summary>
    /// <exception cref="ArgumentException">An unknown locale.</exception>
    public static string OfQuery(string locale) => Find(locale) ??
        throw new ArgumentException($"Unknown locale '{locale}'; known: {string.Join(", ", Known)}.", nameof(locale));

    /// <summary>Whether words are separated by spaces (so single words can be corrected and completed).</summary>
    public static bool SeparatesWords(string locale) => locale != Japanese;
}
