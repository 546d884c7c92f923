using System.Diagnostics;
using Lucene.Net.Analysis;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The first stage of a search: reads what the text negates, analyses the rest into the BM25 query, builds the
/// filters once (a Lucene query and the snapshot's set of keys passing it, which both retrievers use), and embeds the
/// text for the dense retriever — each only when the request's mode needs it.
/// </summary>
internal sealed class QueryPreparer(ITextEmbedder embedder) : IDisposable
{
    private readonly Analyzer _analyzer = ProductAnalyzer.Create();

    public PreparedQuery Prepare(SearchRequest request, IReadOnlyList<FilterClause> filters, RankingProfile profile, IndexSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        var filter = LexicalFilter.Build(filters);
        var allowed = filter is null ? null : snapshot.Lexical.MatchingKeys(filter);
        var lexical = request.Mode == SearchMode.Dense ? null
            : LexicalQueryBuilder.Build(_analyzer, request.Query, profile.Lexical, snapshot.Lexical.DocumentFrequency);
        // "no" phrases stay in both queries ("no show socks" is a name) but still demote titles that affirm the word.
        var negated = Negations.Parse(request.Query, includeNo: true);
        var denseText = profile.DropNegatedPhrases ? Negations.Parse(request.Query, includeNo: false).Affirmed : request.Query;
        float[]? vector = null;
        var embeddingTime = TimeSpan.Zero;
        if (request.Mode != SearchMode.Bm25 && allowed is not { Count: 0 })
        {
            var started = Stopwatch.GetTimestamp();
            vector = embedder.Embed([denseText], EmbeddingPurpose.Query, cancellationToken)[0];
            embeddingTime = Stopwatch.GetElapsedTime(started);
        }
        return new PreparedQuery
        {
            Request = request,
            Profile = profile,
            Depth = Math.Max(profile.CandidateDepth, request.Offset + request.K),
            LexicalQuery = lexical,
            DenseText = denseText,
            NegatedTerms = negated.IsEmpty ? [] : LexicalQueryBuilder.Analyze(_analyzer, LexicalFields.Title, string.Join(' ', negated.Phrases.SelectMany(p => p))),
            Filter = filter,
            Allowed = allowed,
            Vector = vector,
            EmbeddingTime = embeddingTime,
        };
    }

    public void Dispose() => _analyzer.Dispose();
}
