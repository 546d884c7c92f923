using System.Globalization;

namespace ProductSearch.Sharding;

/// <summary>
/// Whether two answers to one request rank alike — a sharded index's and one index's, or a cluster's before and after
/// a fault: the same products in the same places, with the same scores (to the bit), each retriever's rank and score
/// alike, the same totals and the same facet counts. For equality tests and the benchmarks that count equal answers.
/// </summary>
public static class AnswerComparison
{
    /// <summary>
    /// The first difference between the first <paramref name="top"/> hits of <paramref name="expected"/> and
    /// <paramref name="actual"/> (and their totals, "did you mean" and facets), in words; <c>null</c> when they rank alike.
    /// </summary>
    public static string? FirstDifference(SearchResponse expected, SearchResponse actual, int top = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var (left, right) = (expected.Hits.Take(top).ToArray(), actual.Hits.Take(top).ToArray());
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var (a, b) = (left[i], right[i]);
            if (a.Product.Id != b.Product.Id || a.Rank != b.Rank)
                return Invariant($"rank {a.Rank}: '{a.Product.Id}' ({a.Score:R}) vs rank {b.Rank}: '{b.Product.Id}' ({b.Score:R})");
            if (!a.Score.Equals(b.Score)) return Invariant($"rank {a.Rank} '{a.Product.Id}': score {a.Score:R} vs {b.Score:R}");
            if (a.Lexical != b.Lexical) return Invariant($"rank {a.Rank} '{a.Product.Id}': BM25 {a.Lexical} vs {b.Lexical}");
            if (a.Dense != b.Dense) return Invariant($"rank {a.Rank} '{a.Product.Id}': dense {a.Dense} vs {b.Dense}");
        }
        if (left.Length != right.Length) return Invariant($"{left.Length} hits vs {right.Length}");
        if (expected.TotalHits != actual.TotalHits || expected.TotalHitsIsLowerBound != actual.TotalHitsIsLowerBound)
            return Invariant($"total {expected.TotalHits}{(expected.TotalHitsIsLowerBound ? "+" : "")} vs {actual.TotalHits}{(actual.TotalHitsIsLowerBound ? "+" : "")}");
        if (expected.DidYouMean != actual.DidYouMean) return $"did you mean '{expected.DidYouMean}' vs '{actual.DidYouMean}'";
        return FacetDifference(expected.Facets, actual.Facets);
    }

    private static string? FacetDifference(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> expected, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> actual)
    {
        foreach (var (name, values) in expected)
        {
            if (!actual.TryGetValue(name, out var other)) return $"facet '{name}' vs none";
            if (values.Zip(other).FirstOrDefault(v => v.First != v.Second) is ({ } a, { } b))
                return Invariant($"facet '{name}': {a.Value} ({a.Count}) vs {b.Value} ({b.Count})");
            if (values.Count != other.Count) return Invariant($"facet '{name}': {values.Count} values vs {other.Count}");
        }
        return actual.Keys.FirstOrDefault(k => !expected.ContainsKey(k)) is { } extra ? $"no facet '{extra}' vs one" : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
