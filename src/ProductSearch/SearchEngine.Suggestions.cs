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
        SuggestionRules.Check(text, max);
        if (SuggestionRules.Parse(text) is not { } typed) return [];
        using var lease = _snapshots.Acquire();
        var lexical = lease.Snapshot.Lexical;
        return SuggestionRules.Choose(typed, PastQuerySuggestions(text, max), SuggestionRules.Completions(lexical.Vocabulary.Words, typed, max),
            lexical.TermsStartingWith(FilterField.Brand.LuceneField, typed.BrandPrefix, max), max);
    }

    private List<Suggestion> PastQuerySuggestions(string text, int max) =>
        _pastQueries is not null && PastQueries.Normalize(text) is { } prefix
            ? _pastQueries.Complete(prefix, max).Select(q => new Suggestion(q.Query, SuggestionKind.PastQuery, 0) { Searches = q.Searches }).ToList()
            : [];
}
