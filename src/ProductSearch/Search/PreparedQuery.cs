using Lucene.Net.Search;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// A request made ready for the retrievers, once: the BM25 query analysed from its text, its filters built into one
/// Lucene query and the set of keys passing them, and the query's embedding. Every stage after preparation reads
/// from here and never goes back to the request's raw text or filters.
/// </summary>
internal sealed record PreparedQuery
{
    public required SearchRequest Request { get; init; }

    /// <summary>The ranking profile this search uses (the request's, or the engine's current one).</summary>
    public required RankingProfile Profile { get; init; }

    /// <summary>Candidates each retriever returns: the profile's depth, or more when the page reaches deeper.</summary>
    public required int Depth { get; init; }

    /// <summary>The language the query's words were analysed in.</summary>
    public required string Locale { get; init; }

    /// <summary>The analysis of <see cref="Locale"/> for this commit (with the index's synonyms).</summary>
    public required Lucene.Net.Analysis.Analyzer Analyzer { get; init; }

    /// <summary>The BM25 query; <c>null</c> when the text has no searchable term.</summary>
    public LexicalQuery? LexicalQuery { get; init; }

    /// <summary>The text the model embeds: the query corrected and completed in the catalog's words, without its negated words (when the profile says so).</summary>
    public required string DenseText { get; init; }

    /// <summary>The query with its typos corrected in the catalog's words; <c>null</c> when nothing was corrected.</summary>
    public string? Correction { get; init; }

    /// <summary>
    /// What the query negates ("without a lid", "BPA-free", "no bake", "電池なし"), analysed as titles are: a title
    /// affirms it when it holds every term of some group. Empty when the query negates nothing.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> NegatedTerms { get; init; } = [];

    /// <summary>The request's filters as one Lucene filter (cached per commit: <see cref="FilterCache"/>); <c>null</c> without filters.</summary>
    public Filter? Filter { get; init; }

    /// <summary>The keys passing <see cref="Filter"/> in the snapshot searched; <c>null</c> without filters.</summary>
    public KeySet? Allowed { get; init; }

    /// <summary>
    /// The BM25 statistics to score with: every shard's counts summed, when this index is a shard of a sharded one;
    /// <c>null</c>: this index's own.
    /// </summary>
    public GlobalStatistics? Statistics { get; init; }

    /// <summary>The query's embedding; <c>null</c> in BM25 mode.</summary>
    public float[]? Vector { get; init; }

    /// <summary>Time the model took to embed the query (zero when it was not run or came from the query cache's hit).</summary>
    public TimeSpan EmbeddingTime { get; init; }

    /// <summary>
    /// Whether the text was typed whole and spelt as the catalog spells it (nothing corrected or completed), when the
    /// correction ran by the default typo rules with completion on; <c>null</c> when it ran otherwise (or not at all).
    /// </summary>
    public bool? TypedAsSpelt { get; init; }

    private Query? _expandedLexical;

    /// <summary>
    /// <see cref="LexicalQuery"/> with its fuzzy and prefix clauses expanded against the snapshot's terms (what they
    /// match there), worked out once per request: the expansion walks the term dictionary with a Levenshtein automaton
    /// per typo'd word and field, and both the BM25 search and the title highlighter need it.
    /// </summary>
    public Query? ExpandedLexicalQuery(Bm25Searcher searcher) =>
        LexicalQuery is null ? null : _expandedLexical ??= searcher.Rewrite(LexicalQuery.Query);
}
