using ProductSearch;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace Storefront.Api;

/// <summary>
/// The facets the shop page shows beside every search, counted by the engine over the whole result set (disjunctive:
/// each facet applies every filter but its own): brand, color, price bands and rating floors, then every other
/// facetable custom attribute of the index's schema.
/// </summary>
internal static class StoreFacets
{
    /// <summary>The built-in fields the page shows first, in this order (category has the department bar; locale and rating_count are not for shoppers).</summary>
    private static readonly string[] BuiltIn = ["brand", "color", "price", "rating"];

    /// <summary>A facet the page shows: its field and the field's type (keyword, number, boolean), which says how values are picked.</summary>
    public sealed record Field(string Name, SchemaFieldType Type);

    // One reference, swapped whole: concurrent requests read either the old commit's fields or the new one's. A local
    // engine hands out the same schema object for the whole of a commit, so the fields are worked out once per commit.
    private sealed record Cache(IndexSchema Schema, IReadOnlyList<Field> Fields);

    private static volatile Cache? _cached;

    /// <summary>The facet fields of <paramref name="schema"/>: the built-in ones in the page's order, then the custom ones by name.</summary>
    public static IReadOnlyList<Field> Of(IndexSchema schema)
    {
        if (_cached is { } cached && ReferenceEquals(cached.Schema, schema)) return cached.Fields;
        var fields = BuiltIn.Where(name => schema.Find(name) is { Facetable: true })
            .Concat(schema.Fields.Where(f => f.Value.Facetable && !IndexSchema.IsBuiltIn(f.Key)).Select(f => f.Key).Order(StringComparer.Ordinal))
            .Select(name => new Field(name, schema.Fields[name].Type))
            .ToArray();
        _cached = new Cache(schema, fields);
        return fields;
    }

    public static IReadOnlyList<FacetRequest> Requests(IReadOnlyList<Field> fields) => fields.Select(f => new FacetRequest(f.Name)).ToArray();

    /// <summary>The engine's counts in the page's order, every value (the page shows the first few and the rest on demand).</summary>
    public static IReadOnlyList<SearchResults.Facet> Answer(IReadOnlyList<Field> fields, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> counts) =>
        fields.Where(f => counts.ContainsKey(f.Name))
            .Select(f => new SearchResults.Facet(f.Name, IndexSchema.Name(f.Type),
                counts[f.Name].Select(v => new SearchResults.FacetCount(v.Value, v.Count, v.Range?.Min, v.Range?.Max)).ToArray()))
            .ToArray();
}
