using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// Orders the result set by a sortable field (<see cref="SearchRequest.Sort"/>): by its value, relevance (the fused,
/// reranked order) breaking ties, then the product key; products without a value last. The whole set is sorted before
/// it is paged, so every page of one request comes from the same order.
/// </summary>
internal static class ResultSorter
{
    /// <summary>Checks <paramref name="sort"/> against the schema: the field exists and is sortable.</summary>
    public static FilterField Target(SearchSort sort, IndexSchema schema) =>
        SchemaLookup.Require(schema, sort.Field, "sort", "sortable", f => f.Sortable, nameof(SearchRequest.Sort)).Target;

    public static IReadOnlyList<FusedCandidate> Sort(IReadOnlyList<FusedCandidate> ranked, SearchSort sort, FilterField field, FieldColumns columns) =>
        Sort(ranked, sort, columns.Numbers(field, ranked.Select(c => c.Key).ToArray()));

    /// <summary><paramref name="ranked"/> sorted by <paramref name="values"/> (one per candidate, NaN for none; a sharded search reads them from the shards).</summary>
    public static IReadOnlyList<FusedCandidate> Sort(IReadOnlyList<FusedCandidate> ranked, SearchSort sort, IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, ranked.Count).ToArray();
        var direction = sort.Descending ? -1 : 1;
        Array.Sort(order, (a, b) =>
        {
            var (x, y) = (values[a], values[b]);
            if (double.IsNaN(x) != double.IsNaN(y)) return double.IsNaN(x) ? 1 : -1;
            var byValue = double.IsNaN(x) ? 0 : direction * x.CompareTo(y);
            if (byValue != 0) return byValue;
            // Positions in the relevance order are unique (that order already breaks its own ties by key), so this is total.
            return a.CompareTo(b);
        });
        return order.Select(i => ranked[i]).ToArray();
    }
}
