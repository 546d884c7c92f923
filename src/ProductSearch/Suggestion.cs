namespace ProductSearch;

/// <summary>What a suggestion completes the typed text to.</summary>
public enum SuggestionKind
{
    /// <summary>A query: the words typed so far with the last one completed from the catalog's titles and brands.</summary>
    Query,

    /// <summary>A brand whose name begins with the text typed.</summary>
    Brand,

    /// <summary>
    /// A query shoppers searched before that begins with the text typed and found something, searched at least
    /// <see cref="PastQueryOptions.MinimumSearches"/> times (<see cref="Suggestion.Searches"/> says how often).
    /// </summary>
    PastQuery,
}

/// <summary>One completion of what a shopper is typing.</summary>
/// <param name="Text">The completed text to offer.</param>
/// <param name="Kind">What it completes to.</param>
/// <param name="Products">How many products use the completing word (queries) or carry the brand; 0 for past queries.</param>
public sealed record Suggestion(string Text, SuggestionKind Kind, int Products)
{
    /// <summary>For a <see cref="SuggestionKind.PastQuery"/>: how many times shoppers searched it and found something; otherwise 0.</summary>
    public int Searches { get; init; }
}
