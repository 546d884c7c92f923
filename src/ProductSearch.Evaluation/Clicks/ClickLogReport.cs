namespace ProductSearch.Evaluation.Clicks;

/// <summary>What turning a behaviour log into judgments met: what it read, what it left out and why, and the position click rates it used.</summary>
public sealed record ClickLogReport
{
    /// <summary>Query records read.</summary>
    public long QueryRecords { get; init; }

    /// <summary>Event records read.</summary>
    public long EventRecords { get; init; }

    /// <summary>Lines that were not JSON or broke the UBI schema, in all.</summary>
    public long MalformedLineCount { get; init; }

    /// <summary>The first of those lines (up to 20), with the file, line number and reason.</summary>
    public IReadOnlyList<(string File, int Line, string Reason)> MalformedLines { get; init; } = [];

    /// <summary>Query records whose <c>query_id</c> came again (the first is kept).</summary>
    public long DuplicateQueryIds { get; init; }

    /// <summary>Events with no <c>query_id</c>: not tied to a search, so not about a result.</summary>
    public long EventsWithoutQueryId { get; init; }

    /// <summary>Events whose <c>query_id</c> no query record has (a lost or rotated query log, a forged id), in all.</summary>
    public long EventsWithUnknownQueryId { get; init; }

    /// <summary>The first of those (up to 10): file (or <c>records</c>), line (or index) and the id.</summary>
    public IReadOnlyList<(string File, int Line, string QueryId)> UnknownQueryIds { get; init; } = [];

    /// <summary>Events of actions that are neither impressions nor choices, by action (ignored).</summary>
    public IReadOnlyDictionary<string, long> OtherActions { get; init; } = new Dictionary<string, long>();

    /// <summary>Impressions and choices that name no object (<c>event_attributes.object.object_id</c>).</summary>
    public long EventsWithoutObject { get; init; }

    /// <summary>Impressions and choices with no <c>ordinal</c> whose object the search did not return, so with no position.</summary>
    public long EventsWithoutPosition { get; init; }

    /// <summary>Where impressions came from (<see cref="ImpressionSource.Auto"/> resolved).</summary>
    public ImpressionSource ImpressionSource { get; init; }

    /// <summary>Searches with at least one impression.</summary>
    public long Searches { get; init; }

    /// <summary>Searches logged with nothing seen (no impression events under <see cref="ImpressionSource.Events"/>, or no hits).</summary>
    public long SearchesWithoutImpressions { get; init; }

    /// <summary>Impressions counted (one per search and product).</summary>
    public long Impressions { get; init; }

    /// <summary>Clicks counted (one per search and product).</summary>
    public long Clicks { get; init; }

    /// <summary>Choices of a product their search had no impression of (no impression event; under hits, not returned), counted as seen where chosen.</summary>
    public long ClicksWithoutImpression { get; init; }

    /// <summary>(query, product) pairs seen.</summary>
    public long Pairs { get; init; }

    /// <summary>Pairs left out for fewer impressions than the minimum.</summary>
    public long PairsBelowMinImpressions { get; init; }

    /// <summary>Clicks in those pairs.</summary>
    public long ClicksInPairsBelowMinImpressions { get; init; }

    /// <summary>Pairs left out because no click was ever expected where they were shown and no prior was given (gain 0 / 0).</summary>
    public long PairsWithoutExpectedClicks { get; init; }

    /// <summary>Queries with at least one judgment.</summary>
    public long JudgedQueries { get; init; }

    /// <summary>Queries logged whose every pair was left out.</summary>
    public long QueriesWithoutJudgments { get; init; }

    /// <summary>The click rate of each position, the expected clicks of one impression there.</summary>
    public IReadOnlyList<PositionClickRate> PositionRates { get; init; } = [];
}
