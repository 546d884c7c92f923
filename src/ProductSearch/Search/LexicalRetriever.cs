using System.Diagnostics;
using Lucene.Net.Search;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>BM25 candidates from one snapshot's Lucene index, filtered inside the search.</summary>
internal sealed class LexicalRetriever(Bm25Searcher searcher) : IRetriever
{
    public RetrievalResult Retrieve(PreparedQuery query, CancellationToken cancellationToken)
    {
        if (query.LexicalQuery is null || query.Allowed is { Count: 0 } || query.Request.Mode == SearchMode.Dense) return RetrievalResult.None;
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<LexicalHit> hits;
        try
        {
            hits = searcher.Search(query.ExpandedLexicalQuery(searcher)!, query.Depth, query.Profile.Lexical, query.Filter, query.Statistics);
        }
        catch (IOException ex)
        {
            // Lucene reads postings lazily, so a file damaged after the snapshot opened surfaces here (CorruptIndexException
            // and EndOfStreamException are IOExceptions): the caller gets the damaged-index reason, not a bare I/O error.
            throw searcher.Damaged($"could not be read ({ex.Message})", ex);
        }
        var candidates = new (long Key, float Score)[hits.Count];
        for (var i = 0; i < hits.Count; i++) candidates[i] = (hits[i].Key, hits[i].Score);
        var belowFloor = query.Request.Explain ? BelowFloor(query, candidates) : [];
        return new RetrievalResult(candidates, Stopwatch.GetElapsedTime(started)) { BelowFloor = belowFloor };
    }

    /// <summary>
    /// The candidates the minimum match share removed: the same query without it, to the same depth, less those kept.
    /// Scores do not depend on the minimum, so these are exactly the best matches of too few of the query's words.
    /// </summary>
    private long[] BelowFloor(PreparedQuery query, (long Key, float Score)[] kept)
    {
        if (query.LexicalQuery!.Query is not BooleanQuery { MinimumNumberShouldMatch: > 0 } floored) return [];
        var relaxed = (BooleanQuery)floored.Clone();
        relaxed.MinimumNumberShouldMatch = 0;
        var keys = kept.Select(c => c.Key).ToHashSet();
        return searcher.Search(relaxed, query.Depth, query.Profile.Lexical, query.Filter, query.Statistics).Select(h => h.Key).Where(k => !keys.Contains(k)).ToArray();
    }
}
