using System.Globalization;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>A facet request checked against the schema: the field's schema name, its settings and where its values are indexed.</summary>
internal sealed record CheckedFacet(FacetRequest Request, string Name, SchemaField Field, FilterField Target);

/// <summary>
/// Counts one facet over a set of product keys, reading values from the commit's field columns: keyword and boolean
/// fields by value (most products first, then by value; keywords as the catalog writes them), number fields by range (the request's, or the defaults of
/// <see cref="FacetRequest"/>), or by distinct value when a number field has no default ranges.
/// </summary>
internal static class FacetCounter
{
    private static readonly FacetRange[] PriceBands = [new(0, 25), new(25, 50), new(50, 100), new(100, 200), new(200, null)];
    private static readonly FacetRange[] RatingFloors = [new(1, null), new(2, null), new(3, null), new(4, null)];

    /// <summary>Checks <paramref name="request"/>: the field exists and is facetable; ranges only on numbers.</summary>
    public static CheckedFacet Check(FacetRequest request, IndexSchema schema)
    {
        var (name, field, target) = SchemaLookup.Require(schema, request.Field, "facet", "facetable", f => f.Facetable, nameof(SearchRequest.Facets));
        if (request.Ranges is not null && field.Type != SchemaFieldType.Number)
            throw new ArgumentException($"Facet '{name}' is a {IndexSchema.Name(field.Type)}; ranges apply to number fields.", nameof(SearchRequest.Facets));
        if (request.Ranges?.FirstOrDefault(r => r.Min > r.Max) is { } empty)
            throw new ArgumentException($"Facet '{name}': range {empty} is empty (its minimum is above its maximum).", nameof(SearchRequest.Facets));
        return new CheckedFacet(request, name, field, target);
    }

    public static IReadOnlyList<FacetValue> Count(CheckedFacet facet, IReadOnlyList<long> keys, FieldColumns columns, FacetDisplay display)
    {
        if (facet.Field.Type == SchemaFieldType.Boolean)
            return Ordered(columns.TermCounts(facet.Target, keys).ToDictionary(t => t.Key, t => t.Value.Count));
        if (facet.Field.Type == SchemaFieldType.Keyword)
            return Ordered(columns.TermCounts(facet.Target, keys).ToDictionary(t => display.Of(facet.Name, t.Key, t.Value.Example), t => t.Value.Count));
        var values = columns.Numbers(facet.Target, keys).Where(v => !double.IsNaN(v)).ToArray();
        var ranges = facet.Request.Ranges ?? (facet.Name switch { "price" => PriceBands, "rating" => RatingFloors, _ => null });
        if (ranges is null)
            return Ordered(values.GroupBy(v => v).ToDictionary(g => g.Key.ToString("R", CultureInfo.InvariantCulture), g => g.Count()));
        return ranges.Select(r => new FacetValue(r.ToString(), values.Count(r.Contains)) { Range = r }).ToArray();
    }

    /// <summary>
    /// The counts of a keyword facet whose field is filtered: the picked values' (<paramref name="picked"/>, counted in
    /// the result set) and every other value's as <paramref name="alternatives"/> (counted without the field's filter) has them.
    /// </summary>
    public static IReadOnlyList<FacetValue> Picked(IReadOnlyList<FacetValue> picked, IReadOnlyList<FacetValue> alternatives)
    {
        var counts = alternatives.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
        foreach (var value in picked) counts[value.Value] = value.Count;
        return Ordered(counts);
    }

    private static FacetValue[] Ordered(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value)).ToArray();
}
