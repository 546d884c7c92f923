using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// What a request asks of its result set beyond relevance, checked once against the schema of the commit searched:
/// its filters as clauses, the field it is sorted by, and the facets to count. Errors name the field.
/// </summary>
internal sealed record ResultShape(IReadOnlyList<FilterClause> Filters, FilterField? SortField, IReadOnlyList<CheckedFacet> Facets)
{
    public static ResultShape Check(SearchRequest request, IndexSchema schema) => new(
        request.Filters?.ToClauses(schema) ?? [],
        request.Sort is { } sort ? ResultSorter.Target(sort, schema) : null,
        (request.Facets ?? []).Select(f => FacetCounter.Check(f, schema)).DistinctBy(f => f.Name).ToArray());
}
