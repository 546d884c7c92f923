namespace ProductSearch;

/// <summary>Which retrievers answer a search.</summary>
public enum SearchMode
{
    /// <summary>
    /// BM25 and dense retrieval, fused; when the index is switched to a learned second-stage ranker, it reorders the top
    /// (unless <see cref="SearchRequest.SecondStage"/> is off).
    /// </summary>
    Hybrid,
    /// <summary>BM25 alone.</summary>
    Bm25,
    /// <summary>Dense (HNSW) retrieval alone.</summary>
    Dense,
    /// <summary>
    /// BM25 and dense retrieval, fused, then the top reordered by the index's learned ranker whether or not the index is
    /// switched to it — to measure a ranker before using it. The fused order when the index has no ranker it can use.
    /// </summary>
    RankedHybrid,
}

/// <summary>Questions about <see cref="SearchMode"/>.</summary>
public static class SearchModes
{
    /// <summary>Whether <paramref name="mode"/> fuses both retrievers (<see cref="SearchMode.Hybrid"/> or <see cref="SearchMode.RankedHybrid"/>).</summary>
    public static bool IsHybrid(this SearchMode mode) => mode is SearchMode.Hybrid or SearchMode.RankedHybrid;

    /// <summary>The mode's name on command lines and in reports: <c>hybrid</c>, <c>bm25</c>, <c>dense</c>, <c>ranked-hybrid</c>.</summary>
    public static string Name(this SearchMode mode) => mode == SearchMode.RankedHybrid ? "ranked-hybrid" : mode.ToString().ToLowerInvariant();

    /// <summary>Reads a mode by its <see cref="Name"/> (case ignored; <c>rankedhybrid</c> is taken too).</summary>
    public static bool TryParse(string text, out SearchMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<SearchMode>())
        {
            if (!string.Equals(candidate.Name(), text.Trim(), StringComparison.OrdinalIgnoreCase)
                && !string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            mode = candidate;
            return true;
        }
        mode = default;
        return false;
    }
}
