using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using ProductSearch.Indexing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ProductSearch.Lexical;

/// <summary>A candidate from the lexical index: product key and BM25 score.</summary>
public readonly record struct LexicalHit(long Key, float Score);

/// <summary>
/// Searches a BM25 index opened at one commit (a point-in-time view). Thread-safe: Lucene's
/// <see cref="IndexSearcher"/> serves concurrent searches.
/// </summary>
public sealed class Bm25Searcher : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = ProductAnalyzer.Create();
    // No NumericDocValues field: Lucene's doc values read their file through one cursor, so an instance must not be
    // shared between threads (concurrent searches read each other's keys). Readers hand each thread its own; Keys() asks.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(float K1, float B), IndexSearcher> _searchers = new();
    private const float DefaultK1 = 1.2f;
    private const float DefaultB = LexicalQuerySettings.DefaultB;
    private readonly long _maxKey;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Analyzer> _phraseAnalyzers = new();

    private Bm25Searcher(LuceneDirectory directory, string path)
    {
        _directory = directory;
        Path = path;
        _reader = DirectoryReader.Open(directory);
        _searcher = new CombinedStatisticsSearcher(_reader) { Similarity = new BM25Similarity(DefaultK1, DefaultB) };
        Words = new LocalCatalogWords(this);
        Vocabulary = new CatalogVocabulary(_reader, Words);
        MainLocale = CatalogLocale.OfProduct(TermsStartingWith(FilterField.Locale.LuceneField, "", 1) is [var (most, _)] ? most : null);
        var keys = Keys();
        for (var doc = 0; doc < _reader.MaxDoc; doc++) _maxKey = Math.Max(_maxKey, keys.Get(doc));
        _columns = new Lazy<FieldColumns>(() => new FieldColumns(_reader, _maxKey));
        Filters = new FilterCache(this);
    }

    /// <summary>This commit's recently used filters.</summary>
    internal FilterCache Filters { get; }

    private readonly Lazy<FieldColumns> _columns;

    /// <summary>Field values by product key, for sorting and facets (built on first use, once per commit).</summary>
    internal FieldColumns Columns => _columns.Value;

    /// <summary>Opens the index at <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No index there.</exception>
    public static Bm25Searcher Open(string path)
    {
        if (!System.IO.Directory.Exists(path)) throw new DirectoryNotFoundException($"Lexical index '{path}' does not exist.");
        var directory = FSDirectory.Open(path);
        try
        {
            return new Bm25Searcher(directory, path);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The folder of this Lucene index.</summary>
    public string Path { get; }

    /// <summary>The error for a Lucene index that lacks what every commit writes: its files are damaged.</summary>
    internal IndexException Damaged(string what, Exception? inner = null) =>
        IndexException.Damaged(Path, $"The lexical index '{Path}' {what}.", inner);

    /// <summary>The catalog's most common product locale (<see cref="CatalogLocale"/>): queries that name none are analysed in it.</summary>
    public string MainLocale { get; }

    /// <summary>This commit's answers to the questions preparing a query asks about the catalog's words.</summary>
    internal ICatalogWords Words { get; }

    /// <summary>The catalog's words as typed (for corrections and completions).</summary>
    public CatalogVocabulary Vocabulary { get; }

    /// <summary>Number of live documents.</summary>
    public int Count => _reader.NumDocs;

    /// <summary>
    /// The top <paramref name="k"/> products for <paramref name="text"/>, best first; only products matching
    /// <paramref name="filter"/> when one is given (filtered inside the search, not after it).
    /// </summary>
    public IReadOnlyList<LexicalHit> Search(string text, int k, LexicalQuerySettings? settings = null, Query? filter = null)
    {
        settings ??= LexicalQuerySettings.Default;
        var query = LexicalQueryBuilder.Build(_analyzer, text, settings, DocumentFrequency);
        return query is null ? [] : Search(query.Query, k, settings, filter);
    }

    /// <summary>
    /// The top <paramref name="k"/> products for an already built <paramref name="query"/> (see
    /// <see cref="LexicalQueryBuilder"/>), scored with the settings' k1 and b, best first.
    /// </summary>
    public IReadOnlyList<LexicalHit> Search(Query query, int k, LexicalQuerySettings settings, Query? filter = null) =>
        Search(query, k, settings, filter is null ? null : new QueryWrapperFilter(filter));

    /// <summary>
    /// As <see cref="Search(Query, int, LexicalQuerySettings, Query?)"/>, with a Lucene filter (a cached one:
    /// <see cref="FilterCache"/>), and scored with <paramref name="global"/> statistics when given (a shard of a sharded
    /// index scores as the whole index would).
    /// </summary>
    internal IReadOnlyList<LexicalHit> Search(Query query, int k, LexicalQuerySettings settings, Filter? filter, GlobalStatistics? global = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(settings);
        if (k <= 0) return [];
        // A searcher is a light view over the reader; one per search carries that search's statistics.
        var searcher = global is null ? SearcherFor(settings) : new CombinedStatisticsSearcher(_reader, global) { Similarity = new BM25Similarity(settings.K1, settings.B) };
        var top = searcher.Search(query, filter, k, ScoreThenKey, doDocScores: true, doMaxScore: false);
        var hits = new LexicalHit[top.ScoreDocs.Length];
        var keys = Keys();
        for (var i = 0; i < hits.Length; i++) hits[i] = new LexicalHit(keys.Get(top.ScoreDocs[i].Doc), top.ScoreDocs[i].Score);
        return hits;
    }

    /// <summary>
    /// BM25's order: the score, then the lower product key — not Lucene's default of the lower document number, which
    /// merges and updates shuffle, so that ties fall alike in any index holding the products, a shard of a sharded index
    /// among them (the coordinator merges the shards' lists in this order).
    /// </summary>
    private static readonly Sort ScoreThenKey = new(SortField.FIELD_SCORE, new SortField(LexicalFields.Key, SortFieldType.INT64));

    /// <summary>Most terms beginning with a prefix that <see cref="TermsStartingWith"/> looks at, in term order, before picking the most held.</summary>
    internal const int MaxTermsScanned = 10_000;

    /// <summary>Up to <paramref name="max"/> terms of <paramref name="field"/> that begin with <paramref name="prefix"/>, with how many products hold each, the most held first.</summary>
    public IReadOnlyList<(string Term, int Products)> TermsStartingWith(string field, string prefix, int max) =>
        MostHeld(TermsInOrder(field, prefix, MaxTermsScanned), max);

    /// <summary>
    /// The first <paramref name="limit"/> terms of <paramref name="field"/> that begin with <paramref name="prefix"/>, in
    /// term order, with how many products hold each: the part of <see cref="TermsStartingWith"/> that adds up across the
    /// shards of a sharded index (the first terms of all shards together are among each shard's first ones).
    /// </summary>
    internal IReadOnlyList<WordCount> TermsInOrder(string field, string prefix, int limit)
    {
        var terms = MultiFields.GetTerms(_reader, field);
        if (terms is null) return [];
        var found = new List<WordCount>();
        var start = new Lucene.Net.Util.BytesRef(prefix);
        var all = terms.GetEnumerator();
        if (all.SeekCeil(start) == TermsEnum.SeekStatus.END) return [];
        do
        {
            if (!Lucene.Net.Util.StringHelper.StartsWith(all.Term, start) || found.Count >= limit) break;
            found.Add(new WordCount(all.Term.Utf8ToString(), all.DocFreq));
        }
        while (all.MoveNext());
        return found;
    }

    /// <summary>Up to <paramref name="max"/> of <paramref name="terms"/>, the most held first (ties in ordinal order).</summary>
    internal static IReadOnlyList<(string Term, int Products)> MostHeld(IEnumerable<WordCount> terms, int max) =>
        terms.OrderByDescending(t => t.Count).ThenBy(t => t.Word, StringComparer.Ordinal).Take(max).Select(t => (t.Word, t.Count)).ToArray();

    /// <summary>
    /// The scores of <paramref name="query"/> (scored with the settings' k1 and b) for the products with these
    /// <paramref name="keys"/>, however far down the full ranking they are; keys that match no term are left out.
    /// </summary>
    public IReadOnlyDictionary<long, float> ScoresOf(Query query, IReadOnlyCollection<long> keys, LexicalQuerySettings settings)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(settings);
        if (keys.Count == 0) return new Dictionary<long, float>();
        var only = new BooleanQuery();
        foreach (var key in keys) only.Add(new TermQuery(new Term(LexicalFields.Key, key.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.SHOULD);
        var top = SearcherFor(settings).Search(query, new QueryWrapperFilter(only), keys.Count);
        var keysOf = Keys();
        return top.ScoreDocs.ToDictionary(hit => keysOf.Get(hit.Doc), hit => hit.Score);
    }

    /// <summary>This thread's view of the product keys (doc values are read through a cursor of their own per thread).</summary>
    private NumericDocValues Keys() => MultiDocValues.GetNumericValues(_reader, LexicalFields.Key)
        ?? (_reader.MaxDoc == 0 ? DocValues.EMPTY_NUMERIC : throw Damaged($"has no '{LexicalFields.Key}' doc values")); // empty: a shard no product routes to

    /// <summary>How many products hold the (analysed) <paramref name="term"/> anywhere in their title, brand or description.</summary>
    public int DocumentFrequency(string term) => _reader.DocFreq(new Term(LexicalFields.CombinedText, term));

    /// <summary>
    /// This index's own counts of the terms <paramref name="rewritten"/> (a query already rewritten: <see cref="Rewrite"/>)
    /// scores and of their fields: what a shard reports so that every shard can score with the sum (<see cref="GlobalStatistics.Sum"/>).
    /// </summary>
    internal GlobalStatistics StatisticsOf(Query rewritten)
    {
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        var searcher = (CombinedStatisticsSearcher)_searcher;
        return new GlobalStatistics
        {
            Terms = terms.Select(searcher.RawCounts).ToArray(),
            Fields = terms.Select(t => t.Field).Distinct(StringComparer.Ordinal).Select(searcher.RawCounts).ToArray(),
        };
    }

    /// <summary><paramref name="query"/> with its fuzzy, prefix and other multi-term clauses expanded to the terms they match here.</summary>
    public Query Rewrite(Query query) => _searcher.Rewrite(query);

    /// <summary>The keys of every live document (for consistency checks).</summary>
    public IReadOnlyList<long> AllKeys()
    {
        var liveDocs = MultiFields.GetLiveDocs(_reader);
        var keys = new List<long>(_reader.NumDocs);
        var values = Keys();
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
            if (liveDocs is null || liveDocs.Get(doc)) keys.Add(values.Get(doc));
        return keys;
    }

    /// <summary>The keys of every product passing <paramref name="filter"/>.</summary>
    internal KeySet MatchingKeys(Filter filter)
    {
        var collector = new KeyCollector(_maxKey, this);
        _searcher.Search(new ConstantScoreQuery(filter), collector);
        return collector.ToKeySet();
    }

    /// <summary>The keys of every product matching <paramref name="filter"/>.</summary>
    public KeySet MatchingKeys(Query filter)
    {
        var collector = new KeyCollector(_maxKey, this);
        _searcher.Search(new ConstantScoreQuery(filter), collector);
        return collector.ToKeySet();
    }

    /// <summary>The keys of every product holding any of <paramref name="terms"/> (already analysed) in <paramref name="field"/>.</summary>
    public KeySet KeysHoldingAny(string field, IEnumerable<string> terms)
    {
        var any = new BooleanQuery();
        foreach (var term in terms.Distinct(StringComparer.Ordinal)) any.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        return MatchingKeys(any);
    }

    /// <summary>
    /// Whether some product's title (or brand) holds <paramref name="words"/> as a phrase, read as typed in
    /// <paramref name="locale"/>: lowercased and split as the index splits them, stop words kept, nothing stemmed
    /// (<see cref="LexicalFields.Spelling"/>). Lucene's <see cref="Lucene.Net.Util.QueryBuilder"/> makes the phrase, so
    /// split words ("BPA-free") and Japanese characters line up with the index's own positions.
    /// </summary>
    public bool AnyTitleHolds(string words, string locale)
    {
        ArgumentNullException.ThrowIfNull(words);
        var analyzer = _phraseAnalyzers.GetOrAdd(CatalogLocale.OfProduct(locale), l => ProductAnalyzer.Create(l));
        var phrase = new Lucene.Net.Util.QueryBuilder(analyzer).CreatePhraseQuery(LexicalFields.Spelling, words);
        if (phrase is null) return false;
        var count = new TotalHitCountCollector();
        _searcher.Search(phrase, count);
        return count.TotalHits > 0;
    }

    /// <summary>Lucene's explanation of <paramref name="key"/>'s BM25 score for <paramref name="text"/>, or <c>null</c>.</summary>
    public string? Explain(string text, long key, LexicalQuerySettings? settings = null)
    {
        settings ??= LexicalQuerySettings.Default;
        var query = LexicalQueryBuilder.Build(_analyzer, text, settings, DocumentFrequency)?.Query;
        if (query is null) return null;
        var hits = _searcher.Search(new TermQuery(new Term(LexicalFields.Key, key.ToString(System.Globalization.CultureInfo.InvariantCulture))), 1);
        return hits.ScoreDocs.Length == 0 ? null : SearcherFor(settings).Explain(query, hits.ScoreDocs[0].Doc).ToString();
    }

    /// <summary>
    /// A searcher scoring with the settings' k1 and b. BM25's norms hold only document lengths, so both can change at
    /// query time; a searcher is a light view over the same reader, kept per pair.
    /// </summary>
    private IndexSearcher SearcherFor(LexicalQuerySettings settings)
    {
        if (settings.K1 == DefaultK1 && settings.B == DefaultB) return _searcher;
        return _searchers.GetOrAdd((settings.K1, settings.B), p => new CombinedStatisticsSearcher(_reader) { Similarity = new BM25Similarity(p.K1, p.B) });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Filters.Dispose();
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        foreach (var analyzer in _phraseAnalyzers.Values) analyzer.Dispose();
    }
}
