using ProductSearch;
using ProductSearch.Catalog;

namespace Storefront.Api;

/// <summary>
/// Brands, colors and the price range among a query's best results, for the page's filters. Counted over the top
/// <see cref="Depth"/> hits rather than the page, so a filter offers what the query can find, not just what is shown.
/// </summary>
internal static class Facets
{
    public const int Depth = 100;
    public const int MaxValues = 12;

    public static SearchResults.FacetsAnswer From(string query, SearchMode mode, IReadOnlyList<Product> products) => new(
        query,
        SearchParameters.ModeName(mode),
        products.Count,
        Count(products.Select(p => p.Brand)),
        Count(products.Select(p => p.Color)),
        products.Min(p => p.Price),
        products.Max(p => p.Price));

    private static SearchResults.FacetValue[] Count(IEnumerable<string?> values) => values
        .Where(v => !string.IsNullOrWhiteSpace(v))
        .GroupBy(v => v!.Trim(), StringComparer.OrdinalIgnoreCase) // filters ignore case, so facets do too
        .Select(g => new SearchResults.FacetValue(g.Key, g.Count()))
        .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase)
        .Take(MaxValues)
        .ToArray();
}
