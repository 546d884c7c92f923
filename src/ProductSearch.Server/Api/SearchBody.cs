using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ProductSearch.Server.Api;

/// <summary>
/// A search as <c>POST /search</c> takes it (and <c>GET /search</c> builds from its parameters). Filters sit in their
/// own object, so conditions on other fields, a sort order or facets can join as fields beside them.
/// </summary>
/// <param name="Query">What the shopper typed.</param>
/// <param name="K">Results wanted, 1–1000 (default 10).</param>
/// <param name="Offset">Results to skip first, 0–10000.</param>
/// <param name="Mode">hybrid (default), bm25, dense or ranked-hybrid.</param>
/// <param name="Filters">Conditions every result must meet.</param>
/// <param name="Locale">The query's language (us, es, jp); default: the catalog's most common.</param>
/// <param name="TypoTolerance">Let words match within a few edits (default true).</param>
/// <param name="Filter">Conditions on filterable fields of the index's schema, all of which must hold: FIELD=VALUE (any of: FIELD=A,B), FIELD&lt;N, FIELD&lt;=N, FIELD&gt;N, FIELD&gt;=N.</param>
/// <param name="Sort">Order by a sortable field instead of relevance: FIELD:asc or FIELD:desc; relevance breaks ties.</param>
/// <param name="Facets">Facetable fields to count over the whole result set: a name, or {"field", "ranges": [{"min", "max"}]} for a number field.</param>
/// <param name="Explain">Carry the merchandising rules applied: each hit's notes, the rules matched, the products hidden.</param>
internal sealed record SearchBody(string? Query, int? K, int? Offset, string? Mode, FiltersBody? Filters, string? Locale, bool? TypoTolerance,
    IReadOnlyList<string>? Filter = null, string? Sort = null, IReadOnlyList<FacetBody>? Facets = null, bool? Explain = null);

/// <summary>The conditions of <see cref="SearchFilters"/>.</summary>
/// <param name="Brands">The brand is one of these.</param>
/// <param name="Colors">The color is one of these.</param>
/// <param name="Categories">Some level of the category path is one of these.</param>
/// <param name="Locale">The product's locale.</param>
/// <param name="MinPrice">Lowest price, inclusive.</param>
/// <param name="MaxPrice">Highest price, inclusive.</param>
/// <param name="Fields">Equality on a stored field by name (brand, color, locale, category, product_id, price, rating, rating_count).</param>
internal sealed record FiltersBody(
    IReadOnlyList<string>? Brands, IReadOnlyList<string>? Colors, IReadOnlyList<string>? Categories, string? Locale,
    decimal? MinPrice, decimal? MaxPrice, IReadOnlyDictionary<string, string>? Fields)
{
    public SearchFilters ToFilters() => new()
    {
        Brands = Brands, Colors = Colors, Categories = Categories, Locale = Locale, MinPrice = MinPrice, MaxPrice = MaxPrice, FieldEquals = Fields,
    };
}

/// <summary>The parameters of <c>GET /search</c>: the same search as <see cref="SearchBody"/>, flat in the address.</summary>
internal sealed record SearchParameters(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "k")] int? K,
    [property: FromQuery(Name = "offset")] int? Offset,
    [property: FromQuery(Name = "mode")] string? Mode,
    [property: FromQuery(Name = "brand")] string[]? Brand,
    [property: FromQuery(Name = "color")] string[]? Color,
    [property: FromQuery(Name = "category")] string[]? Category,
    [property: FromQuery(Name = "locale")] string? Locale,
    [property: FromQuery(Name = "minPrice")] decimal? MinPrice,
    [property: FromQuery(Name = "maxPrice")] decimal? MaxPrice,
    [property: FromQuery(Name = "filter")] string[]? Filter,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "facet")] string[]? Facet,
    [property: FromQuery(Name = "explain")] bool? Explain)
{
    /// <summary>
    /// The same search as a body. Each <c>filter</c> is a condition in the core's syntax (<see cref="SearchFilter.Parse"/>),
    /// so <c>filter=size=M,L</c> and <c>filter=rating&gt;=4</c> read as on the command line; a facet is a field's name.
    /// </summary>
    public SearchBody ToBody() =>
        new(Q, K, Offset, Mode, new FiltersBody(Brand, Color, Category, null, MinPrice, MaxPrice, null), Locale, null,
            Filter, Sort, Facet?.Select(f => new FacetBody(f, null)).ToArray(), Explain);
}

/// <summary>A facet asked for in <c>POST /search</c>: a field's name (a JSON string is taken as one), and ranges for a number field.</summary>
/// <param name="Field">The facetable field.</param>
/// <param name="Ranges">For a number field, the ranges to count in (default: price bands, rating 1+…4+, each distinct value for the others).</param>
[System.Text.Json.Serialization.JsonConverter(typeof(FacetBodyJsonConverter))]
internal sealed record FacetBody(string? Field, IReadOnlyList<RangeBody>? Ranges)
{
    public FacetRequest ToRequest() => new((Field ?? "").Trim()) { Ranges = Ranges?.Select(r => new FacetRange(r.Min, r.Max)).ToArray() };
}

/// <summary>A range of a number facet: from <paramref name="Min"/> (included) to <paramref name="Max"/> (left out); a missing bound is open.</summary>
/// <param name="Min">Lowest value counted.</param>
/// <param name="Max">The value above the range.</param>
internal sealed record RangeBody(double? Min, double? Max);
