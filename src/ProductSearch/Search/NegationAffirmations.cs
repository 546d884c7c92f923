using Lucene.Net.Index;
using Lucene.Net.Search;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// The candidates whose title affirms what the query negates: the titles' affirmed words are indexed
/// (<see cref="LexicalFields.AffirmedTitle"/>), so this is one term lookup, not a read of the candidates.
/// </summary>
internal static class NegationAffirmations
{
    /// <summary>Those of <paramref name="candidates"/> whose title affirms a negated group of <paramref name="query"/> (empty when it negates nothing).</summary>
    public static IReadOnlySet<long> Of(PreparedQuery query, IEnumerable<long> candidates, IndexSnapshot snapshot)
    {
        if (query.NegatedTerms.Count == 0) return new HashSet<long>();
        var affirming = snapshot.Lexical.MatchingKeys(AffirmingAny(query.NegatedTerms));
        if (affirming.Count == 0) return new HashSet<long>();
        return candidates.Where(k => affirming.Contains((ulong)k)).ToHashSet();
    }

    /// <summary>Titles holding every term of some group (<see cref="PreparedQuery.NegatedTerms"/>).</summary>
    private static BooleanQuery AffirmingAny(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var any = new BooleanQuery();
        foreach (var group in groups)
        {
            var all = new BooleanQuery();
            foreach (var term in group) all.Add(new TermQuery(new Term(LexicalFields.AffirmedTitle, term)), Occur.MUST);
            any.Add(all, Occur.SHOULD);
        }
        return any;
    }
}
