using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// Tells a negation from a name, by the catalog itself: a "without"/"sin" phrase that opens with a stop word and that
/// some title holds as written, trigger included ("Rebel Without a Cause", "Without You"), is read as words, not as
/// something the shopper does not want (<see cref="Lexical.Negations.Parse(string, string, bool, Func{string, bool}?)"/>
/// asks only about those). One Lucene phrase query per phrase, remembered for the request.
/// </summary>
internal sealed class CatalogNames(ICatalogWords lexical, string locale)
{
    private readonly Dictionary<string, bool> _held = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether some title holds <paramref name="words"/> as a phrase.</summary>
    public bool IsName(string words)
    {
        if (!_held.TryGetValue(words, out var held)) _held[words] = held = lexical.AnyTitleHolds(words, locale);
        return held;
    }
}
