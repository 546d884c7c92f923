using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>
/// Turns a shopper's text into a BM25 query without any query parser: the text is run through the index's own
/// analyzer and every resulting term becomes a boosted term clause per field. Lucene syntax in the text
/// (<c>title:(a AND</c>, <c>*</c>, <c>"</c>, <c>~</c>) is therefore just words, and can never throw.
/// </summary>
public static class LexicalQueryBuilder
{
    /// <summary>Builds the query, or <c>null</c> when the text has no searchable term (only stop words or symbols).</summary>
    public static Query? Build(Analyzer analyzer, string text, LexicalQuerySettings settings)
    {
        if (settings.DropNegatedPhrases) text = NegatedPhrases.Remove(text);
        var query = new BooleanQuery();
        foreach (var (field, boost) in settings.FieldBoosts)
        {
            if (boost <= 0) continue;
            foreach (var term in Analyze(analyzer, field, text).Distinct())
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        if (settings.ProximityBoost > 0 && query.Clauses.Count > 0)
        {
            var terms = Analyze(analyzer, LexicalFields.Title, text);
            if (terms.Count >= 2)
            {
                var phrase = new PhraseQuery { Slop = settings.ProximitySlop, Boost = settings.ProximityBoost };
                foreach (var term in terms) phrase.Add(new Term(LexicalFields.Title, term));
                query.Add(phrase, Occur.SHOULD);
            }
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>The terms the analyzer makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    public static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attribute.ToString());
        stream.End();
        return terms;
    }
}
