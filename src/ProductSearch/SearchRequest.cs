using ProductSearch.Ranking;

namespace ProductSearch;

/// <summary>One search.</summary>
public sealed record SearchRequest
{
    /// <summary>Largest <see cref="K"/> accepted.</summary>
    public const int MaxK = 1000;

    /// <summary>Largest <see cref="Offset"/> accepted.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The shopper's text. Lucene syntax in it is searched as plain words.</summary>
    public required string Query { get; init; }

    /// <summary>Results wanted, 1–<see cref="MaxK"/>.</summary>
    public int K { get; init; } = 10;

    /// <summary>Results to skip first (pagination), 0–<see cref="MaxOffset"/>.</summary>
    public int Offset { get; init; }

    /// <summary>Retrievers to use.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    /// <summary>
    /// In <see cref="SearchMode.Hybrid"/> mode, whether the index's learned ranker reorders the top when the index is
    /// switched to one (default). <c>false</c> keeps the fused order — the hybrid ranking an evaluation compares against.
    /// </summary>
    public bool SecondStage { get; init; } = true;

    /// <summary>Conditions every result must meet; <c>null</c> for none.</summary>
    public SearchFilters? Filters { get; init; }

    /// <summary>
    /// Order by a sortable field instead of relevance (relevance then breaks ties). The sorted set is the result set: the
    /// fused candidates above the relevance floor at the profile's candidate depth (<see cref="RankingProfile.CandidateDepth"/>),
    /// or deeper when <see cref="Offset"/> + <see cref="K"/> reaches further — the set <see cref="SearchResponse.TotalHits"/>
    /// counts. Pages whose end lies within that depth come from one set and one order, so they never repeat or skip a product.
    /// </summary>
    public SearchSort? Sort { get; init; }

    /// <summary>
    /// Facet counts to return (<see cref="SearchResponse.Facets"/>), over the whole result set, not the page. Disjunctive:
    /// a facet's counts apply every filter but those on its own field, so a picked value still shows its alternatives.
    /// </summary>
    public IReadOnlyList<FacetRequest>? Facets { get; init; }

    /// <summary>How to rank; <c>null</c> uses the index's profile (or <see cref="RankingProfile.Default"/>).</summary>
    public RankingProfile? Ranking { get; init; }

    /// <summary>
    /// Let query words match catalog words within a few edits, as the ranking profile's <see cref="RankingProfile.Typos"/>
    /// says; <c>false</c> matches words exactly.
    /// </summary>
    public bool TypoTolerance { get; init; } = true;

    /// <summary>
    /// Let the last word, when the text does not end in a space, also match as the beginning of a word (as-you-type);
    /// <c>false</c> takes it as a whole word.
    /// </summary>
    public bool CompleteLastWord { get; init; } = true;

    /// <summary>
    /// The language of the query (<see cref="Lexical.CatalogLocale"/>: <c>us</c>, <c>es</c>, <c>jp</c>), which decides
    /// how its words are analysed; <c>null</c>: the catalog's most common product locale.
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>
    /// Whether a shopper typed this query (default): when it finds something, typed whole and spelt as the catalog
    /// spells it, it is counted towards past-query suggestions (<see cref="SuggestionKind.PastQuery"/>). <c>false</c>
    /// for the searches an app makes on its own account — facets, evaluations, health probes — which shoppers did not ask.
    /// </summary>
    public bool FromShopper { get; init; } = true;

    /// <summary>
    /// Apply the index's merchandising rules (default: pins, hides, boosts and buries for the queries they match);
    /// <c>false</c> shows the ranking without them — a merchandiser's preview, an evaluation of the ranking itself.
    /// </summary>
    public bool MerchandisingRules { get; init; } = true;

    /// <summary>Attach an explanation to every hit (each retriever's part of the fused score).</summary>
    public bool Explain { get; init; }

    /// <summary>With <see cref="Explain"/>: also Lucene's explanation of each BM25 score (slower).</summary>
    public bool ExplainLexical { get; init; }

    /// <summary>Checks the request; throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public void Validate() => CheckedFilterClauses();

    /// <summary>Checks the request and returns its filters as clauses, built once for the whole search.</summary>
    internal IReadOnlyList<Lexical.FilterClause> CheckedFilterClauses()
    {
        if (string.IsNullOrWhiteSpace(Query)) throw new ArgumentException("The query is empty: give some words to search for.", nameof(Query));
        if (K is <= 0 or > MaxK) throw new ArgumentOutOfRangeException(nameof(K), K, $"k must be between 1 and {MaxK}.");
        if (Offset is < 0 or > MaxOffset) throw new ArgumentOutOfRangeException(nameof(Offset), Offset, $"The offset must be between 0 and {MaxOffset}.");
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown search mode.");
        Ranking?.Validate();
        if (Locale is not null) Lexical.CatalogLocale.OfQuery(Locale);
        return Filters?.ToClauses() ?? [];
    }
}
