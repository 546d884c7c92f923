using System.Diagnostics;
using ProductSearch.Vector;

namespace ProductSearch.Search;

/// <summary>
/// Nearest neighbours of the query's embedding in one snapshot's HNSW graph; a filter runs inside the graph search
/// (USearch's filtered search), so a selective filter still fills the depth when enough products pass it. A filter
/// passing few products is searched exactly instead, over those products' vectors (<see cref="UsesExactSearch"/>).
/// </summary>
internal sealed class DenseRetriever(IVectorIndex vectors, VectorMetric metric) : IRetriever
{
    /// <summary>
    /// Whether a filter passing <paramref name="allowed"/> of the <paramref name="total"/> products is searched exactly:
    /// when it passes at most 5 % of them, but never fewer than 2,000 nor more than 5,000 products. Measured with
    /// <c>filter-crossover</c> (benchmarks/RESULTS.md): the filtered graph search keeps its recall however selective the
    /// filter (USearch walks on until it has filled k), but its time grows as the filter narrows — at 100k products with
    /// 2 % passing it took 70–100× the exact search's time — while the exact search costs about the same per passing
    /// product at any catalog size; the two cost the same at 2,000–5,000 products passing in a 10k catalog and
    /// 5,000–10,000 in a 100k one. The cap keeps the rule inside what was measured: a larger catalog only slows the graph
    /// search at a given count.
    /// </summary>
    internal static bool UsesExactSearch(long allowed, long total) => allowed <= Math.Clamp(total / 20, 2_000, 5_000);

    public RetrievalResult Retrieve(PreparedQuery query, CancellationToken cancellationToken)
    {
        if (query.Vector is null || query.Allowed is { Count: 0 } || vectors.Count == 0) return RetrievalResult.None;
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var take = (int)Math.Min(query.Depth, Math.Max(Math.Min(vectors.Count, query.Allowed?.Count ?? long.MaxValue), 1));
        var allowed = query.Allowed;
        var hits = allowed is null ? vectors.Search(query.Vector, take, cancellationToken)
            : UsesExactSearch(allowed.Count, vectors.Count) ? vectors.SearchExact(query.Vector, take, allowed.ToArray(), cancellationToken)
            : vectors.Search(query.Vector, take, allowed.Contains, cancellationToken);
        var candidates = hits.Select(h => (Key: (long)h.Key, Score: SimilarityOf(h.Distance))).ToArray();
        // ONNX Runtime may sum in another order when concurrent runs share its thread pool, moving a similarity in the
        // 7th digit; ranking on similarities rounded to 1e-6, ties broken by key, keeps such noise from reordering
        // near-identical products.
        Array.Sort(candidates, Nearest);
        return new RetrievalResult(candidates, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The dense order: similarity rounded to 1e-6, higher first, then the lower key (the order shards' candidates are merged in too).</summary>
    internal static int Nearest((long Key, float Score) a, (long Key, float Score) b)
    {
        var bySimilarity = Math.Round(b.Score, 6).CompareTo(Math.Round(a.Score, 6));
        return bySimilarity != 0 ? bySimilarity : a.Key.CompareTo(b.Key);
    }

    /// <summary>
    /// The distance as a similarity, higher is better: cosine and inner-product distances are 1 − similarity (so the
    /// cosine similarity or the dot product comes back); a squared Euclidean distance is negated.
    /// </summary>
    private float SimilarityOf(float distance) => metric == VectorMetric.L2Squared ? -distance : 1f - distance;
}
