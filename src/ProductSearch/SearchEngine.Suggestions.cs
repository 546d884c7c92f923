using ProductSearch.Lexical;
using ProductSearch.Search;

namespace ProductSearch;

/// <summary>As-you-type suggestions from the catalog's own words.</summary>
public sealed partial class SearchEngine
{
    /// <summary>Longest text <see cref="Suggest"/> accepts.</summary>
    public const int MaxSuggestionPrefixLength = 200;

    /// <summary>Suggests; see <see cref="Suggest"/>. The work is CPU-bound and runs on the calling thread.</summary>
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max = 5, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Suggest(text, max));
    }

    /// <summary>
    /// Up to <paramref name="max"/> completions of <paramref name="text"/>, the last word of which is being typed:
    /// first the queries shoppers searched before that begin with it and found something (<see cref="SuggestionKind.PastQuery"/>,
    /// most searched first; see <see cref="SearchEngineOptions.PastQueries"/>); then the words before the last kept and
    /// the last completed to the catalog words (from titles and brands) that the most products use together with them;
    /// then brands whose name begins with the whole text. Each text is offered once. An empty result when nothing begins so.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="MaxSuggestionPrefixLength"/>, or <paramref name="max"/> is not 1–20.</exception>
    public IReadOnlyList<Suggestion> Suggest(string text, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxSuggestionPrefixLength)
            throw new ArgumentException($"The text to complete is longer than {MaxSuggestionPrefixLength} characters.", nameof(text));
        if (max is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(max), max, "max must be between 1 and 20.");
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || char.IsWhiteSpace(text[^1])) return [];
        using var lease = _snapshots.Acquire();
        var lexical = lease.Snapshot.Lexical;
        var typed = words[^1];
        var context = words[..^1];
        var lead = context.Length == 0 ? "" : string.Join(' ', context) + " ";
        var suggestions = PastQuerySuggestions(text, max);
        var brands = lexical.TermsStartingWith(FilterField.Brand.LuceneField, FilterField.Normalize(text), max);
        // Brands that begin with the text keep a third of the places (at least one), so completions cannot crowd them out.
        var forWords = max - Math.Min(brands.Count, Math.Max(1, max / 3));
        foreach (var word in lexical.Vocabulary.CompleteMany(typed, context, max))
            if (suggestions.Count < forWords && suggestions.All(s => s.Text != lead + word))
                suggestions.Add(new Suggestion(lead + word, SuggestionKind.Query, lexical.Vocabulary.Frequency(word)));
        foreach (var (brand, products) in brands)
            if (suggestions.Count < max && suggestions.All(s => s.Text != brand)) suggestions.Add(new Suggestion(brand, SuggestionKind.Brand, products));
        return suggestions;
    }

    private List<Suggestion> PastQuerySuggestions(string text, int max) =>
        _pastQueries is not null && PastQueries.Normalize(text) is { } prefix
            ? _pastQueries.Complete(prefix, max).Select(q => new Suggestion(q.Query, SuggestionKind.PastQuery, 0) { Searches = q.Searches }).ToList()
            : [];
}
