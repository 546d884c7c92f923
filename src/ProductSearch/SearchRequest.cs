using ProductSearch.Ranking;

namespace ProductSearch;

/// <summary>One search.</summary>
public sealed record SearchRequest
{
    /// <summary>Largest <see cref="K"/> accepted.</summary>
    public const int MaxK = 1000;

    /// <summary>The shopper's text. Lucene syntax in it is searched as plain words.</summary>
    public required string Query { get; init; }

    /// <summary>Results wanted, 1–<see cref="MaxK"/>.</summary>
    public int K { get; init; } = 10;

    /// <summary>Retrievers to use.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    /// <summary>Candidates taken from each retriever before fusion; <c>null</c>: the engine's default.</summary>
    public int? CandidateDepth { get; init; }

    /// <summary>RRF rank constant.</summary>
    public int RrfRankConstant { get; init; } = ReciprocalRankFusion.DefaultRankConstant;

    /// <summary>Checks the request; throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Query)) throw new ArgumentException("The query is empty: give some words to search for.", nameof(Query));
        if (K is <= 0 or > MaxK) throw new ArgumentOutOfRangeException(nameof(K), K, $"k must be between 1 and {MaxK}.");
        if (CandidateDepth is <= 0 or > 10_000) throw new ArgumentOutOfRangeException(nameof(CandidateDepth), CandidateDepth, "The candidate depth must be between 1 and 10000.");
        if (RrfRankConstant < 0) throw new ArgumentOutOfRangeException(nameof(RrfRankConstant), RrfRankConstant, "The RRF rank constant must not be negative.");
    }
}
