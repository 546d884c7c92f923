namespace ProductSearch.Evaluation;

/// <summary>Adapts a <see cref="SearchEngine"/> to <see cref="RankedSearch"/>.</summary>
public static class EngineSearch
{
    /// <summary>
    /// Searches <paramref name="engine"/> and returns the ids of its hits, best first. <see cref="SearchMode.Hybrid"/> is
    /// the fused order (the learned second stage off, so that it can be compared with <see cref="SearchMode.RankedHybrid"/>).
    /// <paramref name="locale"/> is the queries' language (<c>null</c>: the catalog's most common).
    /// </summary>
    public static RankedSearch For(SearchEngine engine, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return async (query, mode, depth, cancellationToken) =>
        {
            var response = await engine.SearchAsync(new SearchRequest { Query = query, K = depth, Mode = mode, SecondStage = false, Locale = locale, FromShopper = false }, cancellationToken);
            return response.Hits.Select(h => h.Product.Id).ToArray();
        };
    }
}
