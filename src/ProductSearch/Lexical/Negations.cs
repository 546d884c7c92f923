using System.Text.RegularExpressions;

namespace ProductSearch.Lexical;

/// <summary>What a text negates, and the text without it (see <see cref="Negations.Parse"/>).</summary>
/// <param name="Affirmed">The text with the negated words taken out (the trigger words themselves stay).</param>
/// <param name="Phrases">The negated phrases, each as its words, in the order they appear.</param>
public sealed record NegatedText(string Affirmed, IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    /// <summary>Whether the text negates anything.</summary>
    public bool IsEmpty => Phrases.Count == 0;
}

/// <summary>
/// Finds what a shopper's text (or a product title) negates: <c>without X</c>, <c>w/o X</c>, <c>X-free</c> and
/// <c>X free</c>, and, when asked, <c>no X</c> (English; other languages' forms come with their analysis). A phrase runs from the trigger to the next
/// punctuation, to a joining word (<c>with</c>, <c>and</c>, <c>for</c>, <c>in</c>, <c>on</c>, <c>but</c>, <c>or</c>,
/// <c>plus</c>, <c>&amp;</c>, <c>w/</c>, <c>to</c>, …), or to at most four words. BM25 and the embedding models both
/// rank products that <em>have</em> the negated thing on top, so the engine leaves the negated words out of both
/// queries and demotes candidates whose title affirms them (RESULTS.md, "Ranking"). The same parser reads titles, so a
/// title that itself says "Drain Without Overflow", "BPA-Free" or "No Buckle" is not taken to contain the thing.
/// </summary>
/// <remarks>
/// "no" phrases are left in the query text — "no show socks", "no bake cookies" are names — but are still used for
/// demotion: a title affirming the word after "no" is what the shopper does not want.
/// "free" after a number, "for", "the", "totally" and the like is not a negation ("free shipping", "100% free").
/// </remarks>
public static partial class Negations
{
    private const int MaxWords = 4;

    private static readonly HashSet<string> PhraseEnds =
        ["with", "and", "for", "in", "on", "but", "or", "plus", "&", "w/", "to", "that", "which", "included", "includes", "without", "w/o", "no"];

    private static readonly HashSet<string> NotNegatedByFree =
        ["for", "the", "a", "an", "and", "or", "is", "be", "get", "with", "100%", "totally", "completely", "100", "feel", "hands", "set"];

    /// <summary>
    /// Parses <paramref name="text"/>; <paramref name="includeNo"/> also reads <c>no X</c> as a negation (for titles,
    /// and for what a query's demotion looks for; a query's own text keeps its "no" phrases).
    /// </summary>
    public static NegatedText Parse(string text, bool includeNo)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayNegate(text)) return new NegatedText(text, []);
        var tokens = Tokens().Matches(text).Select(m => m.Value).ToArray();
        var lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();
        var dropped = new bool[tokens.Length];
        var phrases = new List<IReadOnlyList<string>>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = lower[i];
            var trigger = token is "without" or "w/o" || (includeNo && token == "no" && i + 1 < tokens.Length && !char.IsDigit(lower[i + 1][0]));
            if (trigger)
            {
                var phrase = new List<string>();
                for (var j = i + 1; j < tokens.Length && phrase.Count < MaxWords && !IsPunctuation(lower[j]) && !PhraseEnds.Contains(lower[j]); j++)
                {
                    phrase.Add(tokens[j]);
                    dropped[j] = true;
                }
                if (phrase.Count > 0) phrases.Add(phrase);
                continue;
            }
            if (token.Length > 5 && token.EndsWith("-free", StringComparison.Ordinal))
            {
                phrases.Add([tokens[i][..^5]]);
                dropped[i] = true;
            }
            else if (token == "free" && i > 0 && !IsPunctuation(lower[i - 1]) && !dropped[i - 1] && !char.IsDigit(lower[i - 1][0])
                && !NotNegatedByFree.Contains(lower[i - 1]) && !PhraseEnds.Contains(lower[i - 1]))
            {
                phrases.Add([tokens[i - 1]]);
                dropped[i - 1] = dropped[i] = true;
            }
        }
        if (phrases.Count == 0) return new NegatedText(text, []);
        var affirmed = string.Join(' ', tokens.Where((_, i) => !dropped[i]));
        // A query that was nothing but a negation ("without wheels") keeps its words: there would be nothing left to find.
        return string.IsNullOrWhiteSpace(Triggers().Replace(affirmed, " ")) ? new NegatedText(text, phrases) : new NegatedText(affirmed, phrases);
    }

    private static bool MayNegate(string text) =>
        text.Contains("without", StringComparison.OrdinalIgnoreCase) || text.Contains("w/o", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("free", StringComparison.OrdinalIgnoreCase) || text.Contains("no", StringComparison.OrdinalIgnoreCase);

    private static bool IsPunctuation(string token) => token.Length == 1 && Punctuation.Contains(token[0], StringComparison.Ordinal);

    private const string Punctuation = ",;.!?()[]|:\"";

    [GeneratedRegex(@"[^\s,;.!?()\[\]|:""]+|[,;.!?()\[\]|:""]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?i)(?<!\w)(without|w/o|no)(?!\w)|[,;.!?()\[\]|:""]", RegexOptions.CultureInvariant)]
    private static partial Regex Triggers();
}
