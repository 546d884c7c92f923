namespace ProductSearch.Evaluation;

/// <summary>Adapts a <see cref="SearchEngine"/> to <see cref="RankedSearch"/>.</summary>
public static class EngineSearch
{
    /// <summary>Searches <paramref name="engine"/> and returns the ids of its hits, best first.</summary>
    public static RankedSearch For(SearchEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return async (query, mode, depth, cancellationToken) =>
        {
            var response = await engine.SearchAsync(new SearchRequest { Query = query, K = depth, Mode = mode }, cancellationToken);
            return response.Hits.Select(h => h.Product.Id).ToArray();
        };
    }
}
