using System.Diagnostics;
using ProductSearch.Vector;

namespace ProductSearch.Search;

/// <summary>
/// Nearest neighbours of the query's embedding in one snapshot's HNSW graph; a filter runs inside the graph search
/// (USearch's filtered search), so a selective filter still fills the depth when enough products pass it.
/// </summary>
internal sealed class DenseRetriever(IVectorIndex vectors, VectorMetric metric) : IRetriever
{
    public RetrievalResult Retrieve(PreparedQuery query, CancellationToken cancellationToken)
    {
        if (query.Vector is null || query.Allowed is { Count: 0 } || vectors.Count == 0) return RetrievalResult.None;
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var take = (int)Math.Min(query.Depth, Math.Max(Math.Min(vectors.Count, query.Allowed?.Count ?? long.MaxValue), 1));
        var allowed = query.Allowed;
        var hits = allowed is null ? vectors.Search(query.Vector, take, cancellationToken) : vectors.Search(query.Vector, take, allowed.Contains, cancellationToken);
        var candidates = hits.Select(h => (Key: (long)h.Key, Score: SimilarityOf(h.Distance))).ToArray();
        // ONNX Runtime may sum in another order when concurrent runs share its thread pool, moving a similarity in the
        // 7th digit; ranking on similarities rounded to 1e-6, ties broken by key, keeps such noise from reordering
        // near-identical products.
        Array.Sort(candidates, static (a, b) =>
        {
            var bySimilarity = Math.Round(b.Score, 6).CompareTo(Math.Round(a.Score, 6));
            return bySimilarity != 0 ? bySimilarity : a.Key.CompareTo(b.Key);
        });
        return new RetrievalResult(candidates, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The distance as a similarity, higher is better: cosine and inner-product distances are 1 − similarity (so the
    /// cosine similarity or the dot product comes back); a squared Euclidean distance is negated.
    /// </summary>
    private float SimilarityOf(float distance) => metric == VectorMetric.L2Squared ? -distance : 1f - distance;
}
