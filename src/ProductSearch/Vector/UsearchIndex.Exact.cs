using System.Numerics.Tensors;

namespace ProductSearch.Vector;

// Exact search over a given set of keys: each stored vector is read back by key and compared with the query.
public sealed unsafe partial class UsearchIndex
{
    // How many keys are compared between two looks at the cancellation token.
    private const int KeysPerCancellationCheck = 4096;

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> SearchExact(ReadOnlySpan<float> query, int k, ReadOnlySpan<ulong> keys, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException(
                $"Query has {query.Length} dimensions but the index has {Dimensions}.", nameof(query));
        }

        // The same query the graph would see (normalised when cosine is served as inner product), so distances agree.
        query = Prepared(query);
        var queryNorm = TensorPrimitives.Norm(query);
        var best = new ExactTopK(Math.Min(k, keys.Length));
        var row = new float[Dimensions];
        _lock.EnterReadLock();
        try
        {
            ThrowIfDisposed();
            for (var i = 0; i < keys.Length; i++)
            {
                if (i % KeysPerCancellationCheck == 0) cancellationToken.ThrowIfCancellationRequested();
                if (!TryCopyStored(keys[i], row)) continue;
                best.Offer(keys[i], Distance(query, queryNorm, row));
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return best.Sorted();
    }

    /// <summary>Copies the vector stored under <paramref name="key"/> into <paramref name="row"/> as 32-bit floats.</summary>
    private bool TryCopyStored(ulong key, float[] row)
    {
        nint error = 0;
        nuint found;
        fixed (float* destination = row)
        {
            found = UsearchNative.usearch_get(_handle, key, 1, destination, UsearchScalarKind.F32, &error);
        }

        UsearchError.ThrowIfSet(error, $"reading the vector of key {key}");
        return found > 0;
    }

    /// <summary>
    /// The distance USearch's kernels report for the metric the graph is searched with: 1 − dot for inner product (and
    /// for cosine served as inner product over unit rows), 1 − cos for a file saved with USearch's own cosine (1 when
    /// either vector is zero, as its kernel does), the sum of squared differences for squared Euclidean.
    /// </summary>
    private float Distance(ReadOnlySpan<float> query, float queryNorm, ReadOnlySpan<float> row)
    {
        if (Metric == VectorMetric.L2Squared)
        {
            var euclidean = TensorPrimitives.Distance(query, row);
            return euclidean * euclidean;
        }

        var dot = TensorPrimitives.Dot(query, row);
        if (_normalizes || Metric == VectorMetric.InnerProduct) return 1f - dot;
        var norms = queryNorm * TensorPrimitives.Norm(row);
        return norms > 0 ? 1f - (dot / norms) : 1f;
    }

    /// <summary>The k smallest distances seen, kept in a bounded max-heap (the worst kept one on top).</summary>
    private sealed class ExactTopK(int k)
    {
        // Larger distance first; among equal distances the larger key first, so the smaller key is the one kept.
        private static readonly Comparer<(float Distance, ulong Key)> WorstFirst = Comparer<(float Distance, ulong Key)>.Create(
            static (a, b) => a.Distance != b.Distance ? b.Distance.CompareTo(a.Distance) : b.Key.CompareTo(a.Key));

        private readonly PriorityQueue<ulong, (float Distance, ulong Key)> _heap = new(k + 1, WorstFirst);

        public void Offer(ulong key, float distance)
        {
            if (k == 0) return;
            if (_heap.Count < k)
            {
                _heap.Enqueue(key, (distance, key));
                return;
            }

            _heap.TryPeek(out _, out var worst);
            if (WorstFirst.Compare((distance, key), worst) > 0) _heap.EnqueueDequeue(key, (distance, key));
        }

        /// <summary>The kept hits, closest first, equal distances by ascending key.</summary>
        public VectorHit[] Sorted()
        {
            var hits = new VectorHit[_heap.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                _heap.TryDequeue(out var key, out var priority);
                hits[i] = new VectorHit(key, priority.Distance);
            }

            return hits;
        }
    }
}
