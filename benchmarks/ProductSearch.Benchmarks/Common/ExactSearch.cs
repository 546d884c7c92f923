using System.Numerics.Tensors;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// Exact nearest neighbours by cosine similarity over every stored vector: the ground truth for HNSW recall and the
/// "brute force" peer. Rows are L2-normalised once, in place (the caller hands its array over), so a dot product is the cosine.
/// </summary>
internal sealed class ExactSearch
{
    private readonly float[] _rows;

    public ExactSearch(float[] rows, int dimensions)
    {
        if (rows.Length % dimensions != 0) throw new ArgumentException($"{rows.Length} floats is not a whole number of {dimensions}-d rows.", nameof(rows));
        Dimensions = dimensions;
        Count = rows.Length / dimensions;
        _rows = rows;
        for (var i = 0; i < Count; i++) Normalize(_rows.AsSpan(i * dimensions, dimensions));
    }

    public int Dimensions { get; }

    public int Count { get; }

    /// <summary>Row indexes of the <paramref name="k"/> most similar rows, best first (ties: lower index first).</summary>
    public int[] Search(ReadOnlySpan<float> query, int k)
    {
        Span<float> q = stackalloc float[Dimensions];
        query.CopyTo(q);
        Normalize(q);
        k = Math.Min(k, Count);
        var best = new int[k];
        var scores = new float[k];
        var filled = 0;
        for (var i = 0; i < Count; i++)
        {
            var score = Similarity(q, i);
            if (filled == k && score <= scores[k - 1]) continue;
            var at = filled < k ? filled++ : k - 1;
            while (at > 0 && scores[at - 1] < score)
            {
                scores[at] = scores[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            scores[at] = score;
            best[at] = i;
        }
        return best;
    }

    /// <summary>Exact top-k of many queries, spread over all cores (this is ground truth, not a timed figure).</summary>
    public int[][] SearchAll(IReadOnlyList<float[]> queries, int k)
    {
        var results = new int[queries.Count][];
        Parallel.For(0, queries.Count, i => results[i] = Search(queries[i], k));
        return results;
    }

    /// <summary>
    /// Recall@k of approximate results, counted as ann-benchmarks does: a returned row counts when it is at least as
    /// similar to the query as the exact k-th row (less 1e-5), so a tie — two products with the same title have the
    /// same vector — is not scored as a miss because the two came back in the other order.
    /// </summary>
    public double Recall(IReadOnlyList<float[]> queries, IReadOnlyList<int[]> exact, IReadOnlyList<IReadOnlyCollection<int>> approximate, int k)
    {
        var total = 0.0;
        Span<float> q = stackalloc float[Dimensions];
        for (var i = 0; i < queries.Count; i++)
        {
            queries[i].CopyTo(q);
            Normalize(q);
            var kth = Similarity(q, exact[i][Math.Min(k, exact[i].Length) - 1]) - 1e-5f;
            var hits = 0;
            foreach (var row in approximate[i].Take(k))
                if (row >= 0 && row < Count && Similarity(q, row) >= kth) hits++;
            total += Math.Min(hits, k) / (double)Math.Min(k, Count);
        }
        return total / queries.Count;
    }

    private float Similarity(ReadOnlySpan<float> normalizedQuery, int row) => TensorPrimitives.Dot(normalizedQuery, _rows.AsSpan(row * Dimensions, Dimensions));

    private static void Normalize(Span<float> row)
    {
        var norm = TensorPrimitives.Norm(row);
        if (norm > 0) TensorPrimitives.Divide(row, norm, row);
    }
}
