namespace Storefront.Api;

/// <summary>
/// The query parameters of <c>GET /api/search</c> with their limits: one table read by
/// the parser (limits and messages) and by the OpenAPI document (names, types, descriptions).
/// </summary>
internal static class SearchParameters
{
    public const int MaxQueryLength = 512;
    public const int MaxK = 100;
    public const int DefaultK = 10;
    public const int MaxOffset = 10_000;
    public const int MaxFilterValues = 20;
    public const int MaxFilterValueLength = 100;
    public const int MaxFilters = 20;
    public const int MaxFilterLength = 200;

    /// <summary>The mode names the API speaks, each with the engine's mode; the core's own names are accepted too.</summary>
    public static readonly IReadOnlyDictionary<string, ProductSearch.SearchMode> Modes =
        new Dictionary<string, ProductSearch.SearchMode>(StringComparer.OrdinalIgnoreCase)
        {
            ["hybrid"] = ProductSearch.SearchMode.Hybrid,
            ["keyword"] = ProductSearch.SearchMode.Bm25,
            ["semantic"] = ProductSearch.SearchMode.Dense,
            ["bm25"] = ProductSearch.SearchMode.Bm25,
            ["dense"] = ProductSearch.SearchMode.Dense,
        };

    public static string ModeName(ProductSearch.SearchMode mode) => mode switch
    {
        ProductSearch.SearchMode.Bm25 => "keyword",
        ProductSearch.SearchMode.Dense => "semantic",
        _ => "hybrid",
    };

    public enum Kind { Text, Integer, Number, Boolean, Mode, TextList, Locale, FilterList, Sort }

    public sealed record Parameter(string Name, Kind Type, string Description, bool Required = false, double? Minimum = null, double? Maximum = null, object? Default = null);

    public static readonly Parameter Q = new("q", Kind.Text, $"What the shopper typed, 1–{MaxQueryLength} characters. Searched as plain words.", Required: true);
    public static readonly Parameter K = new("k", Kind.Integer, $"Results wanted, 1–{MaxK}.", Minimum: 1, Maximum: MaxK, Default: DefaultK);
    public static readonly Parameter Offset = new("offset", Kind.Integer, $"Results to skip first (pagination), 0–{MaxOffset}.", Minimum: 0, Maximum: MaxOffset, Default: 0);
    public static readonly Parameter Mode = new("mode", Kind.Mode, "hybrid (keyword and semantic, fused), keyword (BM25) or semantic (embeddings).", Default: "hybrid");
    public static readonly Parameter Brand = new("brand", Kind.TextList, $"Only these brands; repeat for any of several (at most {MaxFilterValues}). Case is ignored.");
    public static readonly Parameter Color = new("color", Kind.TextList, $"Only these colors; repeat for any of several (at most {MaxFilterValues}). Case is ignored.");
    public static readonly Parameter MinPrice = new("minPrice", Kind.Number, "Lowest price, inclusive.", Minimum: 0);
    public static readonly Parameter MaxPrice = new("maxPrice", Kind.Number, "Highest price, inclusive; not below minPrice.", Minimum: 0);
    public static readonly Parameter Category = new("category", Kind.TextList,
        $"Only products in these categories (any level of the category path, as the department bar names them); repeat for any of several (at most {MaxFilterValues}). Case is ignored.");

    public static readonly Parameter Filter = new("filter", Kind.FilterList,
        "A condition on any filterable field of the index's schema, in the engine's syntax: FIELD=VALUE, any of several with commas " +
        "(size=M,L), and for numbers <, <=, >, >= (rating>=4, price<50). Repeat for more; all must hold, and they combine with " +
        $"brand, color, category, minPrice and maxPrice. At most {MaxFilters}, each at most {MaxFilterLength} characters.");

    public static readonly Parameter Sort = new("sort", Kind.Sort,
        "relevance (default), or FIELD:asc / FIELD:desc over a sortable field of the index's schema (price:asc, price:desc, rating:desc). " +
        "Relevance breaks ties; products without a value come last.", Default: "relevance");

    public static readonly Parameter Facets = new("facets", Kind.Boolean,
        "Count facets over the whole result set (true or false): brand, color, price bands, rating floors and every facetable custom attribute " +
        "of the index's schema, each facet applying every filter but its own (disjunctive). A page asking for more of the same results can say false.", Default: true);

    public static readonly Parameter Explain = new("explain", Kind.Boolean, "Attach to each hit why it ranks there (true or false).", Default: false);

    public static readonly Parameter Typos = new("typos", Kind.Boolean, "Let query words match the catalog's words within a few typing errors (true or false); false searches exactly what was typed.", Default: true);

    public static readonly Parameter Locale = new("locale", Kind.Locale,
        $"The language of q, which decides how its words are read: {string.Join(", ", ProductSearch.Lexical.CatalogLocale.Known)} (default: the catalog's main language).");

    public static readonly IReadOnlyList<Parameter> Search = [Q, K, Offset, Mode, Brand, Color, MinPrice, MaxPrice, Category, Filter, Sort, Facets, Explain, Typos, Locale];
}
