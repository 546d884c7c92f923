using ProductSearch;
using ProductSearch.Catalog;
using ProductSearch.Ranking;

namespace Storefront.Api;

/// <summary>The JSON shapes the API answers with; records so the OpenAPI document can describe them.</summary>
public static class SearchResults
{
    /// <summary>One retriever's verdict on a hit.</summary>
    public sealed record RetrieverResult(int Rank, double Score);

    /// <summary>Why a hit ranks where it does.</summary>
    public sealed record Explanation(string? Method, double KeywordPart, double SemanticPart, string Formula);

    /// <summary>A product as a card shows it.</summary>
    public sealed record ProductSummary(string Id, string Title, string? Brand, string? Color, decimal? Price, double? Rating, int? RatingCount,
        string? ImageUrl, IReadOnlyList<string> Categories);

    /// <summary>A product with everything a detail page shows.</summary>
    public sealed record ProductDetail(string Id, string Title, string? Brand, string? Color, decimal? Price, double? Rating, int? RatingCount,
        string? ImageUrl, IReadOnlyList<string> Categories, string? Description, IReadOnlyList<string> BulletPoints, string? Locale);

    /// <summary>One result; <c>Highlight</c>: its title as HTML, the words the query matched in &lt;mark&gt; (the rest encoded).</summary>
    public sealed record Hit(int Rank, double Score, ProductSummary Product, RetrieverResult? Keyword, RetrieverResult? Semantic, Explanation? Explanation,
        string? Highlight);

    /// <summary>
    /// The answer to <c>GET /api/search</c>; <c>QueryId</c>: this answer's UBI query id, for the page's events on its
    /// hits (<c>POST /api/events</c>); <c>Cached</c>: it came from the engine's cache of recent answers on the same commit;
    /// <c>DidYouMean</c>: the query in the catalog's words when some of its words were not (what was searched);
    /// <c>TotalHits</c>: the products of the result set the pages come from (<c>TotalHitsIsLowerBound</c>: more may match);
    /// <c>Sort</c>: <c>relevance</c> or <c>FIELD:asc|desc</c>; <c>Facets</c>: counts over the whole result set, each facet
    /// applying every filter but its own (empty when <c>facets=false</c>).
    /// </summary>
    public sealed record SearchAnswer(string QueryId, string Query, string Mode, int K, int Offset, int? FilterMatches, int TotalHits, bool TotalHitsIsLowerBound,
        string Sort, double ElapsedMs, double EmbeddingMs, bool Cached, string? DidYouMean, IReadOnlyList<Facet> Facets, IReadOnlyList<Hit> Hits);

    /// <summary>A department of the shop: a top-level category of the catalog and its product count.</summary>
    public sealed record DepartmentAnswer(string Name, long Products);

    /// <summary>
    /// One completion of what the shopper is typing (<c>GET /api/suggest</c>): the text; its kind, <c>pastquery</c> (what
    /// shoppers searched before and found something), <c>query</c> (completed from the catalog's words) or <c>brand</c>;
    /// how many products use its last word or carry the brand (0 for past queries); how many times shoppers searched it (past queries).
    /// </summary>
    public sealed record SuggestionAnswer(string Text, string Kind, int Products, int Searches);

    /// <summary>
    /// One facet of a search: the field, its type (<c>keyword</c> and <c>boolean</c>: values, any of several may be picked;
    /// <c>number</c>: ranges or single values) and every value with its count, most first (ranges in order).
    /// </summary>
    public sealed record Facet(string Field, string Type, IReadOnlyList<FacetCount> Values);

    /// <summary>
    /// A facet value (as the catalog writes it, or a range's label such as <c>25-50</c>) and how many products of the result
    /// set have it; a range's bounds: from <c>Min</c> (included) to <c>Max</c> (left out), <c>null</c> when open.
    /// </summary>
    public sealed record FacetCount(string Value, int Count, double? Min, double? Max);

    internal static SearchAnswer From(string queryId, SearchRequest request, SearchResponse response, IReadOnlyList<Facet> facets) => new(
        queryId,
        request.Query,
        SearchParameters.ModeName(response.Mode),
        request.K,
        request.Offset,
        response.FilterMatches,
        response.TotalHits,
        response.TotalHitsIsLowerBound,
        request.Sort?.ToString() ?? "relevance",
        Math.Round(response.Elapsed.TotalMilliseconds, 3),
        Math.Round(response.EmbeddingTime.TotalMilliseconds, 3),
        response.FromCache,
        response.DidYouMean,
        facets,
        response.Hits.Select(h => new Hit(h.Rank, h.Score, Summary(h.Product), Retriever(h.Lexical), Retriever(h.Dense),
            h.Explanation is { } why ? new Explanation(why.Method?.ToString().ToLowerInvariant(), why.LexicalPart, why.DensePart, why.Formula) : null,
            h.Highlight)).ToArray());

    internal static ProductSummary Summary(Product p) =>
        new(p.Id, p.Title, Blank(p.Brand), Blank(p.Color), p.Price, p.Rating, p.RatingCount, Blank(p.ImageUrl), p.Categories);

    internal static ProductDetail Detail(Product p) =>
        new(p.Id, p.Title, Blank(p.Brand), Blank(p.Color), p.Price, p.Rating, p.RatingCount, Blank(p.ImageUrl), p.Categories, Blank(p.Description),
            (p.BulletPoints ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Blank(p.Locale));

    private static RetrieverResult? Retriever(RetrieverHit? hit) => hit is { } h ? new RetrieverResult(h.Rank, h.Score) : null;

    // Catalogs write "" for "unknown" (the demo catalog's image_url); the API says null, so clients test one thing.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
