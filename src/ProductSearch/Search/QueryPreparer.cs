using System.Diagnostics;
using Lucene.Net.Analysis;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The first stage of a search: reads what the text negates, analyses the rest into the BM25 query, builds the
/// filters once (a Lucene filter and the snapshot's set of keys passing it, both kept for the commit's next searches, which both retrievers use), and embeds the
/// text for the dense retriever — each only when the request's mode needs it.
/// </summary>
internal sealed class QueryPreparer(ITextEmbedder? embedder) : IDisposable
{
    // The plain analysis of each locale (no synonyms): what the negated words are looked up as in the titles.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Analyzer> _analyzers = new();

    /// <summary>
    /// Prepares <paramref name="request"/> over <paramref name="snapshot"/>. <paramref name="catalog"/> answers the
    /// questions about the catalog's words (default: the snapshot's own index; a shard of a sharded index gets the answers
    /// summed over every shard, so it prepares the query one index would); <paramref name="vector"/> is the query's embedding when
    /// it was made already (a sharded search embeds once, for every shard); without <paramref name="embed"/> none is made
    /// (a sharded search's shard only finds the text to embed).
    /// </summary>
    public PreparedQuery Prepare(SearchRequest request, IReadOnlyList<FilterClause> filters, RankingProfile profile, IndexSnapshot snapshot,
        CancellationToken cancellationToken, ICatalogWords? catalog = null, float[]? vector = null, bool embed = true)
    {
        catalog ??= snapshot.Lexical.Words;
        var (filter, allowed) = snapshot.Lexical.Filters.Get(filters);
        var settings = WithSearchableAttributes(request.TypoTolerance ? profile.Lexical : profile.Lexical with { Typos = null }, snapshot.Schema);
        var locale = request.Locale is null ? (ReferenceEquals(catalog, snapshot.Lexical.Words) ? snapshot.Lexical.MainLocale : VocabularyRules.MainLocale(catalog)) : CatalogLocale.OfQuery(request.Locale);
        var analyzer = snapshot.QueryAnalyzer(locale);
        // Corrections and completions need words separated by spaces.
        var words = CatalogLocale.SeparatesWords(locale);
        // Both retrievers read the query as the shopper most likely meant it: unknown words corrected and the word being
        // typed completed, in the catalog's own words (typos 80 % → 96 % of clean hybrid nDCG@10, prefixes 83 % → 91 %;
        // RESULTS.md). The BM25 query keeps fuzzy and prefix matching for what no correction or completion covers.
        var correction = words
            ? QueryCorrection.Of(request.Query, catalog, settings.Typos, request.CompleteLastWord && profile.PrefixWeight > 0)
            : new QueryCorrection(request.Query, request.Query);
        var names = new CatalogNames(catalog, locale);
        // A negation the catalog's titles hold as written ("Rebel Without a Cause") is a name: it stays in both queries as words.
        var affirmed = Negations.Parse(correction.Completed, locale, includeNo: false, names.IsName).Affirmed;
        // The builder is given the text without the negated words (it would otherwise read them again, in English only, names and all).
        var lexicalText = settings.DropNegatedPhrases ? affirmed : correction.Completed;
        // Built in dense mode too (cheap, never searched there): highlighting marks the words it matches.
        var lexical = LexicalQueryBuilder.Build(analyzer, lexicalText, settings with { DropNegatedPhrases = false, WordsWithNothingNear = correction.NothingNear }, catalog.DocumentFrequency,
            request.CompleteLastWord && words);
        // "no" phrases stay in both queries ("no show socks" is a name) but still demote titles that affirm the word.
        var negated = Negations.Parse(request.Query, locale, includeNo: true, names.IsName);
        var denseText = profile.DropNegatedPhrases ? affirmed : correction.Completed;
        if (request.Mode == SearchMode.Bm25) vector = null;
        var embeddingTime = TimeSpan.Zero;
        if (vector is null && embed && request.Mode != SearchMode.Bm25 && allowed is not { Count: 0 })
        {
            var started = Stopwatch.GetTimestamp();
            vector = Embedder.Embed([denseText], EmbeddingPurpose.Query, cancellationToken)[0];
            embeddingTime = Stopwatch.GetElapsedTime(started);
        }
        return new PreparedQuery
        {
            Request = request,
            Profile = profile,
            Locale = locale,
            Analyzer = analyzer,
            Depth = Math.Max(profile.CandidateDepth, request.Offset + request.K),
            LexicalQuery = lexical,
            DenseText = denseText,
            Correction = correction.Corrected == request.Query ? null : correction.Corrected,
            // Past-query suggestions judge a search by the default rules; when those are the ones used, reuse the answer.
            TypedAsSpelt = words && settings.Typos == TypoTolerance.Default && request.CompleteLastWord && profile.PrefixWeight > 0
                ? correction.Completed == request.Query
                : null,
            NegatedTerms = NegatedTerms(negated, locale),
            Filter = filter,
            Allowed = allowed,
            Vector = vector,
            EmbeddingTime = embeddingTime,
        };
    }

    /// <summary>The model, for a preparer that embeds (a shard's is given the embedding its coordinator made).</summary>
    private ITextEmbedder Embedder => embedder ?? throw new InvalidOperationException("This query preparer has no model; the query's embedding must be given.");

    /// <summary>The schema's searchable attributes join the BM25 query's fields, each with its boost.</summary>
    private static LexicalQuerySettings WithSearchableAttributes(LexicalQuerySettings settings, Indexing.IndexSchema schema)
    {
        var searchable = schema.Fields.Where(f => f.Value.Searchable).ToArray();
        if (searchable.Length == 0) return settings;
        var boosts = new Dictionary<string, float>(settings.FieldBoosts);
        foreach (var (name, field) in searchable) boosts[LexicalFields.AttributeText(name)] = field.Boost;
        return settings with { FieldBoosts = boosts };
    }

    /// <summary>
    /// <paramref name="query"/> with other filters (a facet's counts without its own field's): the filter and the keys
    /// passing it are built again; the embedding is reused (made now only when the first filters matched nothing, so none was).
    /// </summary>
    public PreparedQuery Refilter(PreparedQuery query, IReadOnlyList<FilterClause> filters, IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        var (filter, allowed) = snapshot.Lexical.Filters.Get(filters);
        var vector = query.Vector;
        if (vector is null && query.Request.Mode != SearchMode.Bm25 && allowed is not { Count: 0 })
            vector = Embedder.Embed([query.DenseText], EmbeddingPurpose.Query, cancellationToken)[0];
        return query with { Filter = filter, Allowed = allowed, Vector = vector };
    }

    /// <summary>
    /// What a title must hold to affirm a negated phrase, analysed as titles are (<see cref="LexicalFields.AffirmedTitle"/>
    /// is analysed in its product's locale). Words separated by spaces: any one of the phrase's words, each its own group
    /// ("without glass beads" demotes titles with beads). Japanese: the CJK bigrams of X, all of them in one group, since a
    /// single bigram of "単三電池" ("三電") is no sign of batteries.
    /// </summary>
    private IReadOnlyList<IReadOnlyList<string>> NegatedTerms(NegatedText negated, string locale)
    {
        if (negated.IsEmpty) return [];
        var analyzer = _analyzers.GetOrAdd(locale, l => ProductAnalyzer.Create(l));
        if (CatalogLocale.SeparatesWords(locale))
            return LexicalQueryBuilder.Analyze(analyzer, LexicalFields.Title, string.Join(' ', negated.Phrases.SelectMany(p => p)))
                .Distinct(StringComparer.Ordinal).Select(t => (IReadOnlyList<string>)[t]).ToArray();
        return negated.Phrases
            .Select(p => (IReadOnlyList<string>)LexicalQueryBuilder.Analyze(analyzer, LexicalFields.Title, string.Join(' ', p)).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Count > 0).ToArray();
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers.Values) analyzer.Dispose();
    }
}
