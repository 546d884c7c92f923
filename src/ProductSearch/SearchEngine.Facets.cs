using ProductSearch.Indexing;
using ProductSearch.Search;

namespace ProductSearch;

public sealed partial class SearchEngine
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> NoFacets = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>
    /// The facet counts a request asked for, over its whole result set. Disjunctive: a facet whose own field is
    /// filtered is counted over the result set of the same search without that field's filters — retrieved and fused
    /// again with the query's embedding, never embedded again — so a picked value still shows its alternatives. Both
    /// sets are cut at the same depth, so a keyword's picked values are counted in the result set itself (their counts are
    /// then exactly what the shopper pages through), and the values not picked in the set without the field's filter.
    /// </summary>
    private IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> CountFacets(PreparedQuery query, ResultShape shape, IReadOnlyList<long> resultKeys,
        IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (shape.Facets.Count == 0) return NoFacets;
        var counts = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        foreach (var facet in shape.Facets)
        {
            var others = shape.Filters.Where(c => c.Field.Name != facet.Target.Name).ToArray();
            var own = FacetCounter.Count(facet, resultKeys, snapshot.Lexical.Columns, snapshot.FacetDisplay);
            if (others.Length == shape.Filters.Count)
            {
                counts[facet.Name] = own;
                continue;
            }
            var keys = ResultKeys(_preparer.Refilter(query, others, snapshot, cancellationToken), snapshot, cancellationToken);
            var alternatives = FacetCounter.Count(facet, keys, snapshot.Lexical.Columns, snapshot.FacetDisplay);
            counts[facet.Name] = FacetCounter.KeepsPicked(facet) ? FacetCounter.Picked(own, alternatives) : alternatives;
        }
        return counts;
    }

    /// <summary>The keys of the result set of <paramref name="query"/>: both retrievers, fused (order does not matter to a count).</summary>
    private long[] ResultKeys(PreparedQuery query, IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        var (lexical, dense) = RetrieveBoth(query, snapshot, cancellationToken);
        return Fuse(query, lexical, dense, snapshot).Order.Select(c => c.Key).ToArray();
    }
}
