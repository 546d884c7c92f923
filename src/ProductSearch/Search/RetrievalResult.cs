namespace ProductSearch.Search;

/// <summary>What one retriever found: candidates best first, each with the retriever's own score, and the time it took.</summary>
/// <param name="Candidates">Product keys with scores, best first.</param>
/// <param name="Elapsed">Time spent retrieving.</param>
internal sealed record RetrievalResult(IReadOnlyList<(long Key, float Score)> Candidates, TimeSpan Elapsed)
{
    /// <summary>Keys this retriever's relevance floor removed from its candidates, best first (looked for only when explaining).</summary>
    public IReadOnlyList<long> BelowFloor { get; init; } = [];

    /// <summary>Nothing found, at no cost (a retriever the mode does not use).</summary>
    public static RetrievalResult None { get; } = new([], TimeSpan.Zero);
}
