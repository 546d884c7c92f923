using System.Text;
using System.Text.RegularExpressions;

namespace ProductSearch.Lexical;

/// <summary>
/// Japanese negations, written as suffixes with no space before them: <c>Xなし</c>, <c>X無し</c>, <c>X不使用</c>,
/// <c>Xフリー</c> ("電池なし", "砂糖不使用", "グルテンフリー"). Japanese does not separate words, so X is the run of kanji,
/// of katakana or of Latin letters and digits ("BPAフリー") just before the suffix, at most eight characters: the
/// suffix bounds X on the right, and eight is enough for the compounds these suffixes follow while keeping a long run
/// of kanji from being dropped whole. Hiragana end the run: they are particles and inflections, not the thing lacked.
/// </summary>
/// <remarks>
/// <c>ノンX</c> ("ノンアルコール") is not read: nothing bounds X on the right, and katakana compounds run on
/// ("ノンアルコールビール" would drop the beer itself). X is demoted through the CJK bigram analysis, which reads it
/// as its bigrams (see <see cref="Search.QueryPreparer"/>): a title affirms X when it holds all of them.
/// </remarks>
internal static partial class JapaneseNegations
{
    public static NegatedText Parse(string text)
    {
        var phrases = new List<IReadOnlyList<string>>();
        var affirmed = new StringBuilder(text.Length);
        var next = 0;
        foreach (Match match in Suffixed().Matches(text))
        {
            var lacked = new[] { match.Groups["kanji"], match.Groups["kana"], match.Groups["latin"] }.First(g => g.Success);
            phrases.Add([lacked.Value]);
            affirmed.Append(text, next, lacked.Index - next);
            next = lacked.Index + lacked.Length;
        }
        if (phrases.Count == 0) return new NegatedText(text, []);
        var rest = affirmed.Append(text, next, text.Length - next).ToString();
        // A query that was nothing but a negation ("電池なし") keeps its words: there would be nothing left to find.
        return string.IsNullOrWhiteSpace(Triggers().Replace(rest, " ")) ? new NegatedText(text, phrases) : new NegatedText(rest, phrases);
    }

    // One script's run: kanji (with 々); katakana (full and half width, with ー); or Latin letters and digits (half and
    // full width) that start a word. A change of script is the one word boundary Japanese text shows without a dictionary:
    // "ジャム砂糖不使用" lacks sugar, not jam.
    [GeneratedRegex(@"(?:(?<kanji>[\p{IsCJKUnifiedIdeographs}々]{1,8})|(?<kana>[\p{IsKatakana}\uFF66-\uFF9F]{1,8})|(?<![A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])(?<latin>[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{1,8}))(?:なし|無し|不使用|フリー)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Suffixed();

    [GeneratedRegex(@"なし|無し|不使用|フリー|[\p{P}\p{S}]", RegexOptions.CultureInvariant)]
    private static partial Regex Triggers();
}
