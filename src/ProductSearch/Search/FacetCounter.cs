using System.Globalization;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Sharding;

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

    public static IReadOnlyList<FacetValue> Count(CheckedFacet facet, IReadOnlyList<long> keys, FieldColumns columns, FacetDisplay display) =>
        Finish(Tally(facet, keys, columns, display));

    /// <summary>
    /// The counts of one facet over <paramref name="keys"/> (in result order), before they are ordered: per keyword value
    /// its first product in that order, per range its place among the ranges — what <see cref="Sum"/> needs to add the
    /// tallies of a sharded index's shards up into one index's counts.
    /// </summary>
    public static IReadOnlyList<FacetTallyValue> Tally(CheckedFacet facet, IReadOnlyList<long> keys, FieldColumns columns, FacetDisplay display)
    {
        if (facet.Field.Type == SchemaFieldType.Boolean)
            return columns.TermCounts(facet.Target, keys).Select(t => new FacetTallyValue(t.Key, t.Key, t.Value.Count, t.Value.Example)).ToArray();
        if (facet.Field.Type == SchemaFieldType.Keyword)
            return columns.TermCounts(facet.Target, keys)
                .Select(t => new FacetTallyValue(t.Key, display.Of(facet.Name, t.Key, t.Value.Example), t.Value.Count, t.Value.Example)).ToArray();
        var values = columns.Numbers(facet.Target, keys).Where(v => !double.IsNaN(v)).ToArray();
        var ranges = facet.Request.Ranges ?? (facet.Name switch { "price" => PriceBands, "rating" => RatingFloors, _ => null });
        if (ranges is null)
            return values.GroupBy(v => v).Select(g => (Text: g.Key.ToString("R", CultureInfo.InvariantCulture), Count: g.Count()))
                .Select(v => new FacetTallyValue(v.Text, v.Text, v.Count, -1)).ToArray();
        return ranges.Select(r => new FacetTallyValue(r.ToString(), r.ToString(), values.Count(r.Contains), -1) { Range = r }).ToArray();
    }

    /// <summary>
    /// The tallies of one facet over the parts of a result set (a sharded index's shards) added up into the tally of
    /// the whole: counts summed per value (per range, in the ranges' order); a keyword value shown as its first product
    /// in the whole set writes it (<paramref name="positions"/>: each key's place in the set).
    /// </summary>
    public static IReadOnlyList<FacetTallyValue> Sum(IEnumerable<IReadOnlyList<FacetTallyValue>> parts, IReadOnlyDictionary<long, int> positions)
    {
        var all = parts.ToArray();
        if (all.All(p => p.Count == 0)) return [];
        if (all.SelectMany(p => p).Any(v => v.Range is not null))
            return all.First(p => p.Count > 0).Select((range, i) => range with { Count = all.Sum(p => p[i].Count) }).ToArray();
        int Place(FacetTallyValue value) => positions.TryGetValue(value.Example, out var place) ? place : int.MaxValue;
        return all.SelectMany(p => p).GroupBy(v => v.Term, StringComparer.Ordinal)
            .Select(g => g.MinBy(Place)! with { Count = g.Sum(v => v.Count) }).ToArray();
    }

    /// <summary>A facet's values as shown: ranges in their order, other values by count (most first), then by value.</summary>
    public static IReadOnlyList<FacetValue> Finish(IReadOnlyList<FacetTallyValue> tally) =>
        tally.Any(v => v.Range is not null)
            ? tally.Select(v => new FacetValue(v.Shown, v.Count) { Range = v.Range }).ToArray()
            : Ordered(tally.ToDictionary(v => v.Shown, v => v.Count));

    /// <summary>Whether a facet whose field is filtered keeps its picked values' counts in the result set (keyword and boolean facets; numbers take the counts without the filter).</summary>
    public static bool KeepsPicked(CheckedFacet facet) => facet.Request.Ranges is null && facet.Field.Type != SchemaFieldType.Number;

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
