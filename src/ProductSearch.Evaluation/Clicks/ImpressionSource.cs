namespace ProductSearch.Evaluation.Clicks;

/// <summary>What counts as a result having been seen, for a click model.</summary>
public enum ImpressionSource
{
    /// <summary>
    /// <see cref="Events"/> when the log holds any <c>impression</c> event tied to a logged search, else
    /// <see cref="Hits"/>: a page that reports impressions is believed, a log of searches and clicks alone is read as
    /// "every returned result was seen".
    /// </summary>
    Auto,

    /// <summary>
    /// Only results with an <c>impression</c> event were seen (plus any result chosen without one, at the chosen
    /// position). Searches without impression events — the half-typed queries of a search-as-you-type box nobody
    /// looked at — contribute nothing.
    /// </summary>
    Events,

    /// <summary>Every result a search returned (<c>query_response_hit_ids</c>) was seen, at its position.</summary>
    Hits,
}
