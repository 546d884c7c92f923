using System.Numerics.Tensors;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// Exact nearest neighbours by cosine similarity over every stored vector: the ground truth for HNSW recall and the
/// "brute force" peer. Rows are L2-normalised once on the way in, so a dot product is the cosine.
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
            var score = TensorPrimitives.Dot(q, _rows.AsSpan(i * Dimensions, Dimensions));
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

    /// <summary>Mean share of the exact top-k found by an approximate top-k.</summary>
    public static double Recall(IReadOnlyList<int[]> exact, IReadOnlyList<IReadOnlyCollection<int>> approximate)
    {
        var total = 0.0;
        for (var i = 0; i < exact.Count; i++)
        {
            var truth = exact[i].ToHashSet();
            total += approximate[i].Count(truth.Contains) / (double)Math.Max(1, truth.Count);
        }
        return total / exact.Count;
    }

    private static void Normalize(Span<float> row)
    {
        var norm = TensorPrimitives.Norm(row);
        if (norm > 0) TensorPrimitives.Divide(row, norm, row);
    }
}
