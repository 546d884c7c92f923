using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// Which searched texts may become past-query suggestions: those a shopper typed whole and spelt as the catalog spells
/// them. The storefront searches as the shopper types, so its log holds "sne" and "snea" on the way to "sneakers", and
/// misspellings that typo tolerance rescued ("snekers"); both found something, and neither should be offered to the next
/// shopper. The test is <see cref="QueryCorrection"/>'s own — the same one that builds "did you mean" — on the default
/// typo rule: a text it would correct or complete is not taken as typed.
/// </summary>
internal static class FoundQueries
{
    /// <summary>
    /// <paramref name="text"/> in <see cref="PastQueries.Normalize"/>d form when it may be suggested later, else
    /// <c>null</c>. Texts in a language without spaces between words (Japanese) are taken as they are.
    /// </summary>
    public static string? AsTyped(string text, CatalogVocabulary vocabulary, bool separatesWords)
    {
        if (PastQueries.Normalize(text) is not { } normalized) return null;
        if (!separatesWords || !vocabulary.IsAvailable) return normalized;
        // Most searches use only words the catalog knows, which the correction would leave alone: one term lookup a
        // word decides them, and only the rest pay for the correction (a completion runs a few searches).
        if (normalized.Split(' ').All(w => !w.All(char.IsLetter) || vocabulary.Frequency(w) > 0)) return normalized;
        var correction = QueryCorrection.Of(normalized, vocabulary.Words, TypoTolerance.Default, completeLastWord: true);
        return correction.Completed == normalized ? normalized : null;
    }
}
