using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// The query as the shopper most likely meant it, in the catalog's own words: a word the catalog does not know, long
/// enough for typo tolerance, replaced by the closest known word (<see cref="CatalogVocabulary.Correct(string, int)"/>); and the last
/// word, when typed only in part, completed to the most used known word it begins. The corrected text is what "did you
/// mean" offers; corrected and completed, it is what the model embeds (a sentence embedding of "snekers" or "sne" lands
/// anywhere, RESULTS.md "Queries as shoppers type them").
/// </summary>
/// <param name="Corrected">The text with typos corrected (the last word as typed); the text itself when nothing changed.</param>
/// <param name="Completed">The corrected text with the last word completed.</param>
internal sealed record QueryCorrection(string Corrected, string Completed)
{
    /// <summary>The unknown words looked up with no catalog word within their edits (lowercase): BM25 need not widen them.</summary>
    public IReadOnlySet<string> NothingNear { get; init; } = new HashSet<string>();

    /// <summary>Most words a query may have to be corrected and completed.</summary>
    public const int MaxWords = 32;

    public static QueryCorrection Of(string text, ICatalogWords vocabulary, TypoTolerance? typos, bool completeLastWord)
    {
        var words = text.Split(' ');
        // A query of many words is pasted text, not typed: correcting each word would cost more than it could find.
        if (!vocabulary.HasSpelling || (typos is null && !completeLastWord) || words.Length > MaxWords) return new QueryCorrection(text, text);
        var lastIndex = Array.FindLastIndex(words, w => w.Length > 0);
        var typingLastWord = completeLastWord && text.Length > 0 && !char.IsWhiteSpace(text[^1]) && lastIndex >= 0;
        var corrected = (string[])words.Clone();
        var completed = (string[])words.Clone();
        var lookedUp = 0;
        var nothingNear = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word.Length is 0 or > TypoTolerance.MaxWordLength || !word.All(char.IsLetter) || vocabulary.Frequency(word) > 0) continue;
            if (i == lastIndex && typingLastWord)
            {
                var context = words.Take(i).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToArray();
                if (VocabularyRules.Complete(vocabulary, word, context) is { } completion)
                {
                    completed[i] = completion;
                    continue;
                }
            }
            if (typos is null || lookedUp >= TypoTolerance.MaxWordsPerQuery) continue;
            lookedUp++;
            if (VocabularyRules.Correct(vocabulary, word, typos.MaxEdits(word.Length), out var anythingNear) is { } fix)
                corrected[i] = completed[i] = fix;
            else if (!anythingNear)
                nothingNear.Add(word);
        }
        return new QueryCorrection(string.Join(' ', corrected), string.Join(' ', completed)) { NothingNear = nothingNear };
    }
}
