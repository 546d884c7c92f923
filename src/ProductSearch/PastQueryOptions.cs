namespace ProductSearch;

/// <summary>
/// Suggestions from the queries shoppers searched before (<see cref="SuggestionKind.PastQuery"/>): which of them are
/// remembered, for how long a log is read back, and how often a query must have been searched before it is offered.
/// </summary>
public sealed class PastQueryOptions
{
    /// <summary>The largest <see cref="MaxQueries"/> accepted.</summary>
    public const int MaxQueriesLimit = 1_000_000;

    /// <summary>
    /// Distinct queries remembered, at most: past it the least searched (the oldest among equals) are forgotten, so
    /// memory stays bounded however many odd queries shoppers type. 0 turns past-query suggestions off.
    /// </summary>
    public int MaxQueries { get; set; } = 10_000;

    /// <summary>
    /// Times a query must have found something before it is suggested to anyone (1 or more): one shopper's odd query
    /// stays private until others search it too.
    /// </summary>
    public int MinimumSearches { get; set; } = 3;

    /// <summary>
    /// A behaviour log folder (UBI JSON Lines, <c>ubi_queries-YYYY-MM-DD.jsonl</c>, as <see cref="Behavior.BehaviorLogWriter"/>
    /// writes) whose queries are read when the engine opens, so suggestions survive restarts; <c>null</c> or empty
    /// reads none. A missing folder is an empty history, not an error.
    /// </summary>
    public string? LogFolder { get; set; }

    /// <summary>Days of <see cref="LogFolder"/> read back, counting today (1–3650); older files are left alone.</summary>
    public int LogDays { get; set; } = 90;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MaxQueries is < 0 or > MaxQueriesLimit)
            throw new ArgumentOutOfRangeException(nameof(MaxQueries), MaxQueries, $"PastQueries:MaxQueries must be between 0 (off) and {MaxQueriesLimit:N0}.");
        if (MinimumSearches is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(MinimumSearches), MinimumSearches, "PastQueries:MinimumSearches must be at least 1 (and at most 1,000,000).");
        if (LogDays is < 1 or > 3650)
            throw new ArgumentOutOfRangeException(nameof(LogDays), LogDays, "PastQueries:LogDays must be between 1 and 3650.");
    }
}
