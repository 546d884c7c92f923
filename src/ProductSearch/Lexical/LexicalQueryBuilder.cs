using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>A shopper's text as a BM25 query.</summary>
/// <param name="Query">The Lucene query: one boosted term clause per distinct term and searched field.</param>
/// <param name="Terms">Distinct terms searched.</param>
/// <param name="TermsDropped">Distinct terms left out because the text had more than <see cref="LexicalQueryBuilder.MaxTerms"/>.</param>
public sealed record LexicalQuery(Query Query, int Terms, int TermsDropped);

/// <summary>
/// Turns a shopper's text into a BM25 query without any query parser: the text is run through the index's own
/// analyzer and every resulting term becomes a boosted term clause per field. Lucene syntax in the text
/// (<c>title:(a AND</c>, <c>*</c>, <c>"</c>, <c>~</c>) is therefore just words, and can never throw. A text of more
/// than <see cref="MaxTerms"/> distinct terms keeps the rarest of them (those that tell products apart): Lucene refuses a
/// query of more than 1,024 clauses, and a pasted page of text should still search.
/// </summary>
public static class LexicalQueryBuilder
{
    /// <summary>Most distinct terms a query searches (each makes one clause per searched field).</summary>
    public const int MaxTerms = 100;

    /// <summary>
    /// Builds the query, or <c>null</c> when the text has no searchable term (only stop words or symbols).
    /// <paramref name="documentFrequency"/> (a term's document count) picks the rarest terms when there are too many;
    /// without it the first ones are kept.
    /// </summary>
    public static LexicalQuery? Build(Analyzer analyzer, string text, LexicalQuerySettings settings, Func<string, int>? documentFrequency = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DropNegatedPhrases) text = Negations.Parse(text, includeNo: false).Affirmed;
        var analysed = Analyze(analyzer, LexicalFields.Title, text);
        var terms = analysed.Distinct(StringComparer.Ordinal).ToList();
        var dropped = Math.Max(0, terms.Count - MaxTerms);
        if (dropped > 0)
        {
            var kept = (documentFrequency is null ? terms.Take(MaxTerms) : terms.OrderBy(documentFrequency).ThenBy(terms.IndexOf).Take(MaxTerms))
                .ToHashSet(StringComparer.Ordinal);
            terms = terms.Where(kept.Contains).ToList();
            analysed = analysed.Where(kept.Contains).ToList();
        }

        var query = new BooleanQuery();
        foreach (var (field, boost) in settings.FieldBoosts)
        {
            if (boost <= 0) continue;
            foreach (var term in terms) query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        if (settings.ProximityBoost > 0 && query.Clauses.Count > 0 && analysed.Count >= 2)
        {
            var phrase = new PhraseQuery { Slop = settings.ProximitySlop, Boost = settings.ProximityBoost };
            foreach (var term in analysed) phrase.Add(new Term(LexicalFields.Title, term));
            query.Add(phrase, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : new LexicalQuery(query, terms.Count, dropped);
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
