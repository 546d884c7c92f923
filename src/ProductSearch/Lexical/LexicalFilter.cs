using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>
/// Turns filter clauses into one Lucene query that matches exactly the products passing them. The same query
/// filters BM25 (as a Lucene filter, so scores are untouched) and, through the set of keys it matches, the HNSW search.
/// </summary>
public static class LexicalFilter
{
    /// <summary>The filter query, or <c>null</c> for no clause.</summary>
    public static Query? Build(IReadOnlyList<FilterClause> clauses)
    {
        if (clauses.Count == 0) return null;
        var all = new BooleanQuery();
        foreach (var clause in clauses) all.Add(Build(clause), Occur.MUST);
        return all;
    }

    private static Query Build(FilterClause clause) => clause switch
    {
        AnyOfClause anyOf => AnyOf(anyOf),
        RangeClause range when range.Field.Kind == FilterValueKind.Integer =>
            NumericRangeQuery.NewInt64Range(range.Field.LuceneField, LowestWhole(range), HighestWhole(range), true, true),
        RangeClause range => NumericRangeQuery.NewDoubleRange(range.Field.LuceneField, range.Min, range.Max, !range.MinExclusive, !range.MaxExclusive),
        _ => throw new ArgumentOutOfRangeException(nameof(clause), clause, "Unknown filter clause."),
    };

    private static Query AnyOf(AnyOfClause clause)
    {
        var any = new BooleanQuery();
        foreach (var value in clause.Values) any.Add(new TermQuery(new Term(clause.Field.LuceneField, value)), Occur.SHOULD);
        return any;
    }

    /// <summary>The smallest whole number the range keeps (above 4 → 5; at least 4.5 → 5).</summary>
    private static long? LowestWhole(RangeClause range) =>
        range.Min is { } min ? (long)(range.MinExclusive ? Math.Floor(min) + 1 : Math.Ceiling(min)) : null;

    /// <summary>The largest whole number the range keeps (below 4 → 3; at most 4.5 → 4).</summary>
    private static long? HighestWhole(RangeClause range) =>
        range.Max is { } max ? (long)(range.MaxExclusive ? Math.Ceiling(max) - 1 : Math.Floor(max)) : null;
}
