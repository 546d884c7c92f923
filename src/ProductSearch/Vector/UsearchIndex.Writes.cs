namespace ProductSearch.Vector;

// Single-writer mutations: capacity, adds and removals. All run under the exclusive lock.
public sealed unsafe partial class UsearchIndex
{
    // Below this, growth steps are dominated by fixed reallocation cost rather than size.
    private const long MinimumGrowth = 1024;

    /// <inheritdoc />
    public void Reserve(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Write(() =>
        {
            if (capacity > (long)Call(&UsearchNative.usearch_capacity, "reading the capacity"))
            {
                ResizeUnlocked(capacity);
            }
        });
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Lengths disagree, or a key is repeated or already present (nothing is added then).</exception>
    /// <exception cref="VectorIndexException">The native add failed; vectors before the failing one remain added.</exception>
    public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> vectors)
    {
        if ((long)keys.Length * Dimensions != vectors.Length)
        {
            throw new ArgumentException(
                $"Expected keys.Length x Dimensions = {keys.Length} x {Dimensions} = {(long)keys.Length * Dimensions} floats, " +
                $"but vectors has {vectors.Length}.",
                nameof(vectors));
        }

        if (keys.IsEmpty)
        {
            return;
        }

        _lock.EnterWriteLock();
        try
        {
            ThrowIfDisposed();
            RejectExistingKeys(keys);
            EnsureCapacityUnlocked(keys.Length);
            var prepared = Prepared(vectors);
            fixed (float* rows = prepared)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    nint error = 0;
                    UsearchNative.usearch_add(_handle, keys[i], rows + ((long)i * Dimensions), UsearchScalarKind.F32, &error);
                    UsearchError.ThrowIfSet(error, $"adding vectors (key {keys[i]}, item {i} of {keys.Length}; earlier items were added)");
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public bool Remove(ulong key) => Write(() =>
    {
        nint error = 0;
        var removed = UsearchNative.usearch_remove(_handle, key, &error);
        UsearchError.ThrowIfSet(error, $"removing key {key}");
        return removed > 0;
    });

    private void EnsureCapacityUnlocked(int incoming)
    {
        var size = (long)Call(&UsearchNative.usearch_size, "reading the size");
        var capacity = (long)Call(&UsearchNative.usearch_capacity, "reading the capacity");
        var needed = size + incoming;
        if (needed > capacity)
        {
            // Geometric growth keeps a stream of small batches from reallocating the whole graph each time.
            ResizeUnlocked(Math.Max(needed, Math.Max(capacity * 2, MinimumGrowth)));
        }
    }

    // usearch_reserve also resets both thread limits to hardware_concurrency, so the limits are re-applied
    // after it: one add context (writes are exclusive) and exactly as many search contexts as _searchSlots permits.
    private void ResizeUnlocked(long capacity)
    {
        nint error = 0;
        UsearchNative.usearch_reserve(_handle, (nuint)capacity, &error);
        UsearchError.ThrowIfSet(error, $"reserving capacity for {capacity} vectors");
        UsearchNative.usearch_change_threads_add(_handle, 1, &error);
        UsearchError.ThrowIfSet(error, "setting the add thread limit");
        UsearchNative.usearch_change_threads_search(_handle, (nuint)_searchThreads, &error);
        UsearchError.ThrowIfSet(error, $"setting the search thread limit to {_searchThreads}");
    }

    private void RejectExistingKeys(ReadOnlySpan<ulong> keys)
    {
        // Checked up front so a bad batch adds nothing, rather than failing halfway through.
        var seen = keys.Length > 1 ? new HashSet<ulong>(keys.Length) : null;
        foreach (var key in keys)
        {
            if (seen is not null && !seen.Add(key))
            {
                throw new ArgumentException($"Key {key} appears more than once in the batch.", nameof(keys));
            }

            if (ContainsUnlocked(key))
            {
                throw new ArgumentException($"Key {key} is already in the index; remove it first to replace it.", nameof(keys));
            }
        }
    }
}
