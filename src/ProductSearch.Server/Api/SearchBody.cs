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
internal sealed record SearchBody(string? Query, int? K, int? Offset, string? Mode, FiltersBody? Filters, string? Locale, bool? TypoTolerance);

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
    [property: FromQuery(Name = "filter")] string[]? Filter)
{
    /// <summary>The same search as a body; a <c>filter</c> not of the form FIELD=VALUE is named.</summary>
    public (SearchBody? Body, string? Error) ToBody()
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in Filter ?? [])
        {
            var equals = filter.IndexOf('=');
            if (equals <= 0) return (null, $"filter '{filter}' is not FIELD=VALUE.");
            fields[filter[..equals].Trim()] = filter[(equals + 1)..];
        }
        var filters = new FiltersBody(Brand, Color, Category, null, MinPrice, MaxPrice, fields.Count > 0 ? fields : null);
        return (new SearchBody(Q, K, Offset, Mode, filters, Locale, null), null);
    }
}
