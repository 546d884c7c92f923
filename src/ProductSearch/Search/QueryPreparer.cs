using System.Diagnostics;
using Lucene.Net.Analysis;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The first stage of a search: analyses the text into the BM25 query, builds the filters once (a Lucene query and
/// the snapshot's set of keys passing it, which both retrievers use), and embeds the text for the dense retriever —
/// each only when the request's mode needs it.
/// </summary>
internal sealed class QueryPreparer(ITextEmbedder embedder) : IDisposable
{
    private readonly Analyzer _analyzer = ProductAnalyzer.Create();

    public PreparedQuery Prepare(SearchRequest request, IReadOnlyList<FilterClause> filters, RankingProfile profile, IndexSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        var filter = LexicalFilter.Build(filters);
        var allowed = filter is null ? null : snapshot.Lexical.MatchingKeys(filter);
        var lexical = request.Mode == SearchMode.Dense ? null : LexicalQueryBuilder.Build(_analyzer, request.Query, profile.Lexical);
        float[]? vector = null;
        var embeddingTime = TimeSpan.Zero;
        if (request.Mode != SearchMode.Bm25 && allowed is not { Count: 0 })
        {
            var started = Stopwatch.GetTimestamp();
            vector = embedder.Embed([request.Query], EmbeddingPurpose.Query, cancellationToken)[0];
            embeddingTime = Stopwatch.GetElapsedTime(started);
        }
        return new PreparedQuery
        {
            Request = request,
            Profile = profile,
            Depth = Math.Max(profile.CandidateDepth, request.Offset + request.K),
            LexicalQuery = lexical,
            Filter = filter,
            Allowed = allowed,
            Vector = vector,
            EmbeddingTime = embeddingTime,
        };
    }

    public void Dispose() => _analyzer.Dispose();
}
