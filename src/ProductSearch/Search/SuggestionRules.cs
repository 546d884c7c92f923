using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// How as-you-type suggestions are chosen from the catalog's counts, wherever the counts come from: one index's
/// (<see cref="SearchEngine.Suggest"/>) or a sharded index's, summed over its shards
/// (<see cref="Sharding.ShardCoordinator.SuggestAsync"/>), so both suggest by the same code.
/// </summary>
internal static class SuggestionRules
{
    /// <summary>Most suggestions one call may ask for.</summary>
    public const int MaxSuggestions = 20;

    /// <summary>Most known words a completion weighs against the words typed before it.</summary>
    private const int CompletionCandidates = 20;

    /// <summary>Refuses what <see cref="SearchEngine.Suggest"/> refuses.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="SearchEngine.MaxSuggestionPrefixLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not 1–<see cref="MaxSuggestions"/>.</exception>
    public static void Check(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > SearchEngine.MaxSuggestionPrefixLength)
            throw new ArgumentException($"The text to complete is longer than {SearchEngine.MaxSuggestionPrefixLength} characters.", nameof(text));
        if (max is < 1 or > MaxSuggestions) throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be between 1 and {MaxSuggestions}.");
    }

    /// <summary>What is being typed in <paramref name="text"/>, or <c>null</c> when nothing is (no word, or a space after the last).</summary>
    public static TypedText? Parse(string text)
    {
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || char.IsWhiteSpace(text[^1])) return null;
        var context = words[..^1];
        return new TypedText(text, words[^1], context, context.Length == 0 ? "" : string.Join(' ', context) + " ");
    }

    /// <summary>
    /// Up to <paramref name="max"/> catalog words completing the word being typed, best first (see
    /// <see cref="CatalogVocabulary.CompleteMany"/>), each with how many products use it.
    /// </summary>
    public static IReadOnlyList<WordCount> Completions(ICatalogWords words, TypedText typed, int max) =>
        VocabularyRules.CompleteMany(words, typed.Word, typed.Context, max, CompletionCandidates).Select(w => new WordCount(w, words.Frequency(w))).ToArray();

    /// <summary>
    /// The suggestions: <paramref name="pastQueries"/> first, then the words before the last kept and the last completed
    /// to each of <paramref name="completions"/>, then <paramref name="brands"/> (those beginning with the whole text, most
    /// products first), each text once, <paramref name="max"/> at most.
    /// </summary>
    public static IReadOnlyList<Suggestion> Choose(TypedText typed, IReadOnlyList<Suggestion> pastQueries, IReadOnlyList<WordCount> completions,
        IReadOnlyList<(string Term, int Products)> brands, int max)
    {
        var suggestions = pastQueries.Take(max).ToList();
        // Brands that begin with the text keep a third of the places (at least one), so completions cannot crowd them out.
        var forWords = max - Math.Min(brands.Count, Math.Max(1, max / 3));
        foreach (var word in completions)
            if (suggestions.Count < forWords && suggestions.All(s => s.Text != typed.Lead + word.Word))
                suggestions.Add(new Suggestion(typed.Lead + word.Word, SuggestionKind.Query, word.Count));
        foreach (var (brand, products) in brands)
            if (suggestions.Count < max && suggestions.All(s => s.Text != brand)) suggestions.Add(new Suggestion(brand, SuggestionKind.Brand, products));
        return suggestions;
    }
}

/// <summary>A text being typed, read for completion.</summary>
/// <param name="Text">The text as typed.</param>
/// <param name="Word">The last word (lowercase), the one being completed.</param>
/// <param name="Context">The words before it (lowercase).</param>
/// <param name="Lead">The words before it as a suggestion keeps them, with a space after (empty when none).</param>
internal sealed record TypedText(string Text, string Word, IReadOnlyList<string> Context, string Lead)
{
    /// <summary>The text as brand names are kept (<see cref="FilterField.Normalize"/>): brands beginning with it are suggested.</summary>
    public string BrandPrefix => FilterField.Normalize(Text);
}
