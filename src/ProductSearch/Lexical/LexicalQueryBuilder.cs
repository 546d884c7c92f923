using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>A shopper's text as a BM25 query.</summary>
/// <param name="Query">The Lucene query: one clause per distinct term, each searching the boosted fields.</param>
/// <param name="Terms">Distinct terms searched.</param>
/// <param name="TermsDropped">Distinct terms left out because the text had more than <see cref="LexicalQueryBuilder.MaxTerms"/>.</param>
public sealed record LexicalQuery(Query Query, int Terms, int TermsDropped)
{
    /// <summary>Terms that may also match catalog words within their edits (typo tolerance).</summary>
    public IReadOnlyList<string> FuzzyTerms { get; init; } = [];

    /// <summary>The last word as typed so far, when it also matches as a prefix; otherwise <c>null</c>.</summary>
    public string? Prefix { get; init; }
}

/// <summary>
/// Turns a shopper's text into a BM25 query without any query parser: the text is run through the index's own
/// analyzer and every resulting term becomes one clause searching each boosted field — exactly, and, as the settings
/// say, within its typo edits (Lucene's <see cref="FuzzyQuery"/>) or, for the last word as typed so far, as a prefix
/// (<see cref="PrefixQuery"/>); the best of these per field counts (<see cref="DisjunctionMaxQuery"/>), so an exact
/// match outranks a typo or prefix match. Lucene syntax in the text (<c>title:(a AND</c>, <c>*</c>, <c>"</c>,
/// <c>~</c>) is just words and can never throw. A text of more than <see cref="MaxTerms"/> distinct terms keeps the
/// rarest of them: Lucene refuses a query of more than 1,024 clauses, and a pasted page of text should still search.
/// </summary>
public static class LexicalQueryBuilder
{
    /// <summary>Most distinct terms a query searches.</summary>
    public const int MaxTerms = 100;

    /// <summary>Fewest letters typed of the last word before it matches as a prefix.</summary>
    public const int MinPrefixLength = 2;

    /// <summary>
    /// Builds the query, or <c>null</c> when the text has no searchable term (only stop words or symbols).
    /// <paramref name="documentFrequency"/> (how many products hold a term) picks the rarest terms when there are too
    /// many and tells known words from unknown ones for typo tolerance; <paramref name="completeLastWord"/> lets the last
    /// word, when the text does not end in a space, also match as a prefix (as-you-type).
    /// </summary>
    public static LexicalQuery? Build(Analyzer analyzer, string text, LexicalQuerySettings settings, Func<string, int>? documentFrequency = null,
        bool completeLastWord = false)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DropNegatedPhrases) text = Negations.Parse(text, includeNo: false).Affirmed;
        var tokens = AnalyzeWithOffsets(analyzer, LexicalFields.Title, text);
        var terms = tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var dropped = Math.Max(0, terms.Count - MaxTerms);
        if (dropped > 0)
        {
            // The rarest terms the catalog uses tell products apart best; terms it does not use at all match nothing.
            var kept = (documentFrequency is null ? terms.Take(MaxTerms)
                    : terms.OrderBy(t => documentFrequency(t) is var df && df == 0 ? int.MaxValue : df).ThenBy(terms.IndexOf).Take(MaxTerms))
                .ToHashSet(StringComparer.Ordinal);
            terms = terms.Where(kept.Contains).ToList();
            tokens = tokens.Where(t => kept.Contains(t.Term)).ToList();
        }

        var prefix = completeLastWord && settings.PrefixWeight > 0 ? LastWordTyped(analyzer, text) : null;
        var fuzzy = new List<string>();
        var query = new BooleanQuery();
        var groups = 0;
        foreach (var term in terms)
        {
            var word = tokens.First(t => t.Term == term).Word;
            var edits = fuzzy.Count < TypoTolerance.MaxWordsPerQuery && settings.WordsWithNothingNear?.Contains(word.ToLowerInvariant()) != true
                ? EditsAllowed(settings.Typos, word, term, documentFrequency)
                : 0;
            if (edits > 0) fuzzy.Add(term);
            var matchesPrefix = prefix is not null && tokens.Any(t => t.Term == term && t.IsLastWord);
            var group = new BooleanQuery();
            foreach (var (field, boost) in settings.FieldBoosts)
            {
                if (boost <= 0) continue;
                Query exact = new TermQuery(new Term(field, term)) { Boost = boost };
                var fuzzyHere = edits > 0 && field != LexicalFields.Description && (field != LexicalFields.Brand || settings.Typos!.Brands); // brands stay exact unless asked
                if (!fuzzyHere && !matchesPrefix)
                {
                    group.Add(exact, Occur.SHOULD);
                    continue;
                }
                var best = new DisjunctionMaxQuery(0) { exact };
                if (fuzzyHere) best.Add(new FuzzyQuery(new Term(field, term), edits) { Boost = boost * (float)settings.Typos!.Weight });
                if (matchesPrefix) best.Add(new PrefixQuery(new Term(field, prefix)) { Boost = boost * (float)settings.PrefixWeight });
                group.Add(best, Occur.SHOULD);
            }
            if (group.Clauses.Count == 0) continue;
            groups++;
            // One flat disjunction unless a share of the words must match: Lucene scores a flat one with its bulk
            // BooleanScorer, where nested per-word groups take the slower, allocating scorer (about 3× the garbage per
            // query). BM25's coord is 1, so the scores are the same either way.
            if (settings.MinimumMatchShare > 0) query.Add(group.Clauses.Count == 1 ? group.Clauses[0].Query : group, Occur.SHOULD);
            else foreach (var clause in group.Clauses) query.Add(clause.Query, Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return null;
        if (settings.MinimumMatchShare > 0 && groups > 1)
            query.MinimumNumberShouldMatch = (int)Math.Ceiling(settings.MinimumMatchShare * groups - 1e-9);
        if (settings.ProximityBoost > 0 && tokens.Count >= 2)
        {
            var phrase = new PhraseQuery { Slop = settings.ProximitySlop, Boost = settings.ProximityBoost };
            foreach (var token in tokens) phrase.Add(new Term(LexicalFields.Title, token.Term));
            query.Add(phrase, Occur.SHOULD);
        }
        return new LexicalQuery(query, terms.Count, dropped) { FuzzyTerms = fuzzy, Prefix = prefix };
    }

    /// <summary>The terms the analyzer makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    public static List<string> Analyze(Analyzer analyzer, string field, string text) =>
        AnalyzeWithOffsets(analyzer, field, text).Select(t => t.Term).ToList();

    private static int EditsAllowed(TypoTolerance? typos, string word, string term, Func<string, int>? documentFrequency)
    {
        if (typos is null || word.Any(char.IsDigit)) return 0;
        var edits = Math.Min(typos.MaxEdits(word.Count(char.IsLetter)), term.Length / 3); // never widen a short stem more than a third
        if (edits == 0) return 0;
        return typos.KnownWordsToo || documentFrequency is null || documentFrequency(term) == 0 ? edits : 0;
    }

    /// <summary>The last word as typed so far (lowercase, unstemmed), when the text does not end in a space; else <c>null</c>.</summary>
    private static string? LastWordTyped(Analyzer analyzer, string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[^1])) return null;
        var lastWord = text[(text.LastIndexOfAny([' ', '\t', '\n', '\r']) + 1)..];
        var parts = Analyze(analyzer, LexicalFields.Spelling, lastWord);
        var last = parts.Count > 0 ? parts[^1] : null;
        return last is { Length: >= MinPrefixLength } && !last.Any(char.IsDigit) ? last : null;
    }

    private static List<(string Term, string Word, bool IsLastWord)> AnalyzeWithOffsets(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, string, bool)>();
        var lastWordStart = text.TrimEnd().LastIndexOfAny([' ', '\t', '\n', '\r']) + 1;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var (start, end) = WordAround(text, offsets.StartOffset, offsets.EndOffset);
            tokens.Add((term.ToString(), text[start..end], start >= lastWordStart));
        }
        stream.End();
        return tokens;
    }

    /// <summary>The whitespace-delimited word holding the characters from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static (int Start, int End) WordAround(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return (start, end);
    }
}
