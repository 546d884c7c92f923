using System.Globalization;
using System.Text;

namespace ProductSearch.Merchandising;

/// <summary>
/// A query as a rule compares it: its words, lower-cased after Unicode NFKC (full-width and composed forms read as
/// their plain ones), split at anything that is not a letter, a digit or a mark — so case, spaces and punctuation
/// between words never decide whether a rule applies.
/// </summary>
internal static class QueryWords
{
    public static string[] Of(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes())
        {
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words.ToArray();
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
