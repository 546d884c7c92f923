namespace ProductSearch.Vector;

// Single-writer mutations: capacity, adds and removals. All run under the exclusive lock; an add inserts on several threads.
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
    /// <remarks>
    /// Up to <see cref="HnswOptions.AddThreads"/> threads insert the batch's vectors at once; the call returns when all are
    /// in. USearch hands each inserting thread its own scratch context, from a pool sized to the larger of the add and
    /// search thread limits, and no search runs meanwhile (adds hold the lock exclusively), so the pool never runs dry.
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths disagree, or a key is repeated or already present (nothing is added then).</exception>
    /// <exception cref="VectorIndexException">
    /// A native insert failed: the first failure is thrown once every thread has stopped; other vectors of the batch may
    /// have been added (an <see cref="Indexing.IndexWriter"/> then commits nothing).
    /// </exception>
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
            fixed (ulong* keyPointer = keys)
            {
                // Pointers, not spans: the inserting threads run in lambdas, which cannot capture spans.
                var first = (nint)rows;
                var keyArray = (nint)keyPointer;
                var count = keys.Length;
                ParallelInserts.Run(count, _addThreads, i => InsertUnlocked(((ulong*)keyArray)[i], (float*)first + ((long)i * Dimensions), i, count));
                if (_addThreads > 1 && count > ParallelInserts.Chunk) ReinsertUnfoundUnlocked((ulong*)keyArray, (float*)first, count);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    // Concurrent inserts in USearch (through 2.26, unum-cloud/USearch#735) can strand a new node: a thread that meets a
    // node whose upper levels are linked but whose level 0 is not yet links to it alone, and loses that one edge to the
    // neighbour heuristic; the vector is stored but no search reaches it. So every vector of a concurrent batch is looked
    // up by itself (k 10 at the index's search expansion: a reachable vector is its own nearest neighbour), and
    // those not found are removed and inserted again on this thread, which links them as a sequential build would.
    // Blind spot: a stranded vector that also sits on an upper level is where the greedy descent of its own search ends,
    // so it finds itself while other queries never reach it at level 0 (seen once in CI: 2,999 of 3,000 at k = 6,000).
    // That is why HnswOptions.AddThreads defaults to 1.
    private const int SelfSearchResults = 10;

    private void ReinsertUnfoundUnlocked(ulong* keys, float* rows, int count)
    {
        var unfound = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var keyArray = (nint)keys;
        var first = (nint)rows;
        ParallelInserts.Run(count, _addThreads, i =>
        {
            if (!FindsItselfUnlocked(((ulong*)keyArray)[i], (float*)first + ((long)i * Dimensions))) unfound.Enqueue(i);
        });
        foreach (var i in unfound.Order())
        {
            nint error = 0;
            UsearchNative.usearch_remove(_handle, keys[i], &error);
            UsearchError.ThrowIfSet(error, $"removing key {keys[i]} to insert it again (a concurrent insert left it unreachable)");
            InsertUnlocked(keys[i], rows + ((long)i * Dimensions), i, count);
        }
        UnreachableReinserted += unfound.Count;
    }

    private bool FindsItselfUnlocked(ulong key, float* row)
    {
        var found = stackalloc ulong[SelfSearchResults];
        var distances = stackalloc float[SelfSearchResults];
        nint error = 0;
        var count = UsearchNative.usearch_search(_handle, row, UsearchScalarKind.F32, SelfSearchResults, found, distances, &error);
        UsearchError.ThrowIfSet(error, $"looking up key {key} by its own vector");
        for (nuint i = 0; i < count; i++)
        {
            if (found[i] == key) return true;
        }
        return false;
    }

    /// <summary>Vectors that a concurrent add left unreachable and this index inserted again (see <see cref="Add"/>); for tests and benchmarks.</summary>
    internal long UnreachableReinserted { get; private set; }

    private void InsertUnlocked(ulong key, float* row, int item, int count)
    {
        nint error = 0;
        UsearchNative.usearch_add(_handle, key, row, UsearchScalarKind.F32, &error);
        UsearchError.ThrowIfSet(error, $"adding vectors (key {key}, item {item} of {count}; other items may have been added)");
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
    // after it: one add context per inserting thread and exactly as many search contexts as _searchSlots permits.
    private void ResizeUnlocked(long capacity)
    {
        nint error = 0;
        UsearchNative.usearch_reserve(_handle, (nuint)capacity, &error);
        UsearchError.ThrowIfSet(error, $"reserving capacity for {capacity} vectors");
        UsearchNative.usearch_change_threads_add(_handle, (nuint)_addThreads, &error);
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
