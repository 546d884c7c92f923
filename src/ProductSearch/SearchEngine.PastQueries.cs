using Microsoft.Extensions.Logging;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Search;

namespace ProductSearch;

/// <summary>
/// The queries shoppers searched before, remembered for suggestions: read from a behaviour log when the engine opens
/// (<see cref="PastQueryOptions.LogFolder"/>) and counted as the engine answers searches that come from shoppers
/// (<see cref="SearchRequest.FromShopper"/>).
/// </summary>
public sealed partial class SearchEngine
{
    private static PastQueries? OpenPastQueries(PastQueryOptions options, SnapshotManager snapshots, TimeProvider time, ILogger logger)
    {
        if (options.MaxQueries == 0) return null;
        var pastQueries = new PastQueries(options.MaxQueries, options.MinimumSearches);
        if (string.IsNullOrWhiteSpace(options.LogFolder)) return pastQueries;
        using var lease = snapshots.Acquire();
        var lexical = lease.Snapshot.Lexical;
        var separatesWords = CatalogLocale.SeparatesWords(lexical.MainLocale);
        PastQueryLog.Load(pastQueries, Path.GetFullPath(options.LogFolder), options.LogDays, time.GetUtcNow(),
            text => FoundQueries.AsTyped(text, lexical.Vocabulary, separatesWords), logger);
        return pastQueries;
    }

    /// <summary>
    /// Counts a shopper's search that found something on its first page, typed whole and spelt as the catalog spells
    /// it (<see cref="FoundQueries"/>); anything else is not remembered.
    /// </summary>
    private void RememberSearch(SearchRequest request, SearchResponse response, IndexSnapshot snapshot, PreparedQuery? query = null)
    {
        if (_pastQueries is null || !request.FromShopper || request.Offset > 0 || response.Hits.Count == 0 || response.DidYouMean is not null) return;
        if (query?.TypedAsSpelt is { } spelt)
        {
            // The preparer already ran the correction by the default rules: its answer decides, without a second run.
            if (spelt && PastQueries.Normalize(request.Query) is { } typed) _pastQueries.Record(typed);
            return;
        }
        var locale = request.Locale is null ? snapshot.Lexical.MainLocale : CatalogLocale.OfQuery(request.Locale);
        if (FoundQueries.AsTyped(request.Query, snapshot.Lexical.Vocabulary, CatalogLocale.SeparatesWords(locale)) is { } text)
            _pastQueries.Record(text);
    }
}
