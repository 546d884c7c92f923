using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// Tells a negation from a name, by the catalog itself: a negation phrase that some title holds as written, trigger
/// included ("Rebel Without a Cause", "Never Without Coffee", "Sugar Free"), is read as words, not as something the
/// shopper does not want. A title that truly lacks the thing ("Drain Without Overflow") is then found by its literal
/// words, which is what the shopper typed. One Lucene phrase query per phrase, remembered for the request.
/// </summary>
internal sealed class CatalogNames(Bm25Searcher lexical, string locale)
{
    private readonly Dictionary<string, bool> _held = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether some title holds <paramref name="words"/> as a phrase.</summary>
    public bool IsName(string words)
    {
        if (!_held.TryGetValue(words, out var held)) _held[words] = held = lexical.AnyTitleHolds(words, locale);
        return held;
    }
}
