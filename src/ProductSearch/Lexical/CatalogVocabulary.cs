using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ProductSearch.Lexical;

/// <summary>
/// The catalog's own words as shoppers type them (<see cref="LexicalFields.Spelling"/>: title and brand, lowercased,
/// unstemmed), read from one commit's BM25 index: how many products use a word, the closest known word to a typo
/// (Lucene's Levenshtein automata through <see cref="FuzzyTermsEnum"/> — the machinery of <see cref="FuzzyQuery"/>),
/// and the known words that complete a prefix. Lucene.Net.Suggest (DirectSpellChecker, the suggesters) is not on our
/// NuGet mirror; these three look-ups are all the engine needs of it.
/// </summary>
public sealed class CatalogVocabulary
{
    private readonly IndexReader _reader;
    private readonly Terms? _terms;

    private readonly ICatalogWords _words;

    internal CatalogVocabulary(IndexReader reader, ICatalogWords words)
    {
        _reader = reader;
        _terms = MultiFields.GetTerms(reader, LexicalFields.Spelling);
        _words = words;
    }

    /// <summary>The counts the choices are made from.</summary>
    internal ICatalogWords Words => _words;

    /// <summary>Whether the index has a spelling vocabulary (indexes built before it was added do not).</summary>
    public bool IsAvailable => _terms is not null;

    /// <summary>How many products use <paramref name="word"/> (lowercase) in their title or brand.</summary>
    public int Frequency(string word) => _reader.DocFreq(new Term(LexicalFields.Spelling, word));

    /// <summary>Fewest products that must use a word for it to be offered as a correction: a word seen once is as likely a typo itself.</summary>
    public const int MinCorrectionFrequency = 2;

    /// <summary>Most known words a completion looks at.</summary>
    internal const int DefaultScan = 20_000;

    /// <summary>
    /// The known word within <paramref name="maxEdits"/> edits (insertions, deletions, substitutions, transpositions) of
    /// <paramref name="word"/>, used by at least <see cref="MinCorrectionFrequency"/> products: the fewest edits first,
    /// then the most products; <c>null</c> when none is that close.
    /// </summary>
    public string? Correct(string word, int maxEdits) => Correct(word, maxEdits, out _);

    /// <summary>
    /// <see cref="Correct(string, int)"/>, also saying whether any catalog word at all (even one used by a single
    /// product, so not offered as a correction) lies within <paramref name="maxEdits"/>: when none does, a fuzzy clause
    /// for the word over titles and brands would match nothing.
    /// </summary>
    public string? Correct(string word, int maxEdits, out bool anythingNear) => VocabularyRules.Correct(_words, word, maxEdits, out anythingNear);

    /// <summary>
    /// Up to <paramref name="max"/> known words that complete <paramref name="prefix"/> after <paramref name="context"/>,
    /// best first: those the most products use together with the context words, then the most used.
    /// </summary>
    public IReadOnlyList<string> CompleteMany(string prefix, IReadOnlyList<string> context, int max, int candidates = 20) =>
        VocabularyRules.CompleteMany(_words, prefix, context, max, candidates);

    /// <summary>
    /// The known word that best completes <paramref name="prefix"/> after <paramref name="context"/> (the words typed
    /// before it): of the most used words it begins, the one the most products use together with the context words
    /// ("cordless dri" → "drill", not "dress"); without context, simply the most used. <c>null</c> when no word begins so.
    /// </summary>
    public string? Complete(string prefix, IReadOnlyList<string> context, int candidates = 20) => VocabularyRules.Complete(_words, prefix, context, candidates);

    /// <summary>
    /// Up to <paramref name="max"/> known words that start with <paramref name="prefix"/> (lowercase), the most used
    /// first — words of three letters or more, used by at least <see cref="MinCorrectionFrequency"/> products, no stop
    /// words; at most <paramref name="scan"/> words are looked at, so a one-letter prefix stays cheap.
    /// </summary>
    public IReadOnlyList<(string Word, int Frequency)> Completions(string prefix, int max, int scan = DefaultScan) =>
        VocabularyRules.Completions(_words, prefix, max, scan);

    /// <summary>Every known word within <paramref name="maxEdits"/> edits of <paramref name="word"/> (see <see cref="ICatalogWords.Neighbours"/>).</summary>
    internal IReadOnlyList<SpellingNeighbour> Neighbours(string word, int maxEdits)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_terms is null || maxEdits <= 0) return [];
        var fuzzy = new FuzzyTermsEnum(_terms, new Lucene.Net.Util.AttributeSource(), new Term(LexicalFields.Spelling, word), maxEdits, 0, true);
        var boost = fuzzy.Attributes.AddAttribute<IBoostAttribute>();
        var found = new List<SpellingNeighbour>();
        while (fuzzy.MoveNext()) found.Add(new SpellingNeighbour(fuzzy.Term.Utf8ToString(), boost.Boost, fuzzy.DocFreq));
        return found;
    }

    /// <summary>For <paramref name="candidate"/>, how many products use it together with at least one of the context words.</summary>
    internal int Together(IReadOnlyList<string> context, string candidate)
    {
        var anyContext = new BooleanQuery();
        foreach (var word in context) anyContext.Add(new TermQuery(new Term(LexicalFields.Spelling, word)), Occur.SHOULD);
        var both = new BooleanQuery
        {
            { anyContext, Occur.MUST },
            { new TermQuery(new Term(LexicalFields.Spelling, candidate)), Occur.MUST },
        };
        var count = new TotalHitCountCollector();
        new IndexSearcher(_reader).Search(both, count);
        return count.TotalHits;
    }

    /// <summary>The known words of three letters or more, no stop words, among the first <paramref name="scan"/> that start with <paramref name="prefix"/> (see <see cref="ICatalogWords.PrefixWords"/>).</summary>
    internal IReadOnlyList<WordCount> PrefixWords(string prefix, int scan)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (_terms is null || prefix.Length == 0) return [];
        var stopWords = Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet;
        var terms = _terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (terms.SeekCeil(start) == TermsEnum.SeekStatus.END) return [];
        var found = new List<WordCount>();
        var seen = 0;
        do
        {
            if (!StringHelper.StartsWith(terms.Term, start) || seen++ >= scan) break;
            // A completion is a real word: not a stop word or a stray letter. Rare words are kept here and left out
            // by the rules once counted (across shards, a word rare in each may be common in all).
            if (terms.Term.Length < 3) continue;
            var word = terms.Term.Utf8ToString();
            if (!stopWords.Contains(word)) found.Add(new WordCount(word, terms.DocFreq));
        }
        while (terms.MoveNext());
        return found;
    }
}
