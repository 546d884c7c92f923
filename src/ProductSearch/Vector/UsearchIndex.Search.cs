using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

// Lookups and nearest-neighbour searches. All run under the shared lock.
public sealed unsafe partial class UsearchIndex
{
    /// <inheritdoc />
    public bool Contains(ulong key) => Read(() => ContainsUnlocked(key));

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, CancellationToken cancellationToken = default) =>
        SearchCore(query, k, null, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<ulong, bool> filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return SearchCore(query, k, new NativeFilter(filter), cancellationToken);
    }

    private bool ContainsUnlocked(ulong key)
    {
        nint error = 0;
        var found = UsearchNative.usearch_contains(_handle, key, &error);
        UsearchError.ThrowIfSet(error, $"looking up key {key}");
        return found;
    }

    private VectorHit[] SearchCore(ReadOnlySpan<float> query, int k, NativeFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException(
                $"Query has {query.Length} dimensions but the index has {Dimensions}.", nameof(query));
        }

        query = Prepared(query);

        _lock.EnterReadLock();
        try
        {
            ThrowIfDisposed();
            var count = (int)Math.Min(k, (long)Call(&UsearchNative.usearch_size, "reading the size"));
            if (count == 0)
            {
                return [];
            }

            var keys = new ulong[count];
            var distances = new float[count];
            nuint found;
            _searchSlots.Wait(cancellationToken);
            try
            {
                found = filter is null
                    ? NativeSearch(query, keys, distances)
                    : NativeFilteredSearch(query, keys, distances, filter);
            }
            finally
            {
                _searchSlots.Release();
            }

            var hits = new VectorHit[(int)found];
            for (var i = 0; i < hits.Length; i++)
            {
                hits[i] = new VectorHit(keys[i], distances[i]);
            }

            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private nuint NativeSearch(ReadOnlySpan<float> query, ulong[] keys, float[] distances)
    {
        nint error = 0;
        nuint found;
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = distances)
        {
            found = UsearchNative.usearch_search(_handle, q, UsearchScalarKind.F32, (nuint)keys.Length, k, d, &error);
        }

        UsearchError.ThrowIfSet(error, "searching");
        return found;
    }

    private nuint NativeFilteredSearch(ReadOnlySpan<float> query, ulong[] keys, float[] distances, NativeFilter filter)
    {
        nint error = 0;
        nuint found;
        var state = GCHandle.Alloc(filter);
        try
        {
            fixed (float* q = query)
            fixed (ulong* k = keys)
            fixed (float* d = distances)
            {
                found = UsearchNative.usearch_filtered_search(
                    _handle, q, UsearchScalarKind.F32, (nuint)keys.Length,
                    NativeFilter.Callback, (void*)GCHandle.ToIntPtr(state), k, d, &error);
            }
        }
        finally
        {
            state.Free();
        }

        if (filter.Error is not null)
        {
            ExceptionDispatchInfo.Throw(filter.Error); // the caller's own exception, with its original stack
        }

        UsearchError.ThrowIfSet(error, "searching with a filter");
        return found;
    }
}
