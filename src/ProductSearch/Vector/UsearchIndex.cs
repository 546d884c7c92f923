using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>
/// HNSW vector index backed by USearch's native C library (<c>libusearch_c</c>), storing vectors as f32 or f16
/// (<see cref="HnswOptions.Storage"/>).
/// </summary>
/// <remarks>
/// Concurrency: searches, <see cref="Contains"/>, <see cref="Count"/> and <see cref="Save"/> run in parallel under a
/// shared lock; <see cref="Add"/>, <see cref="Remove"/>, <see cref="Reserve"/> and changing
/// <see cref="ExpansionSearch"/> take it exclusively. That is stricter than USearch needs for plain adds, but
/// growing capacity reallocates the per-thread search contexts, which is unsafe while any search is running.
/// Intended use is one writer and many readers. Inside one <see cref="Add"/>, up to <see cref="HnswOptions.AddThreads"/>
/// threads insert at once.
/// </remarks>
public sealed unsafe partial class UsearchIndex : IVectorIndex
{
    private readonly UsearchIndexHandle _handle;
    private readonly int _searchThreads;
    private readonly int _addThreads;

    // Shared for reads, exclusive for writes; see the class remarks.
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    // USearch hands every search one of a fixed pool of contexts and fails ("Reserve capacity ahead of
    // searches!") when the pool is empty; queueing here turns overload into waiting instead of errors.
    private readonly SemaphoreSlim _searchSlots;

    // Cosine is served as inner product over unit vectors (the graph stores normalised rows and queries are normalised
    // first), as hnswlib does: the ranking and the distance (1 − cosine) are the same, and the kernel skips two norms
    // per comparison — 10–65 % more queries/s in our peer runs. Files saved with USearch's own cosine still load.
    private readonly bool _normalizes;

    private int _disposed;

    private UsearchIndex(UsearchIndexHandle handle, HnswOptions options, UsearchMetricKind nativeMetric)
    {
        _handle = handle;
        _normalizes = options.Metric == VectorMetric.Cosine && nativeMetric == UsearchMetricKind.InnerProduct;
        Dimensions = options.Dimensions;
        Metric = options.Metric;
        _searchThreads = options.SearchThreads;
        _addThreads = options.AddThreads;
        _searchSlots = new SemaphoreSlim(_searchThreads, _searchThreads);
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>The distance function this index was built with.</summary>
    public VectorMetric Metric { get; }

    /// <inheritdoc />
    public long Count => Read(() => (long)Call(&UsearchNative.usearch_size, "reading the size"));

    /// <summary>Number of vectors the index can hold before it has to grow.</summary>
    public long Capacity => Read(() => (long)Call(&UsearchNative.usearch_capacity, "reading the capacity"));

    /// <summary>Approximate native memory held by the index, in bytes.</summary>
    public long MemoryUsage => Read(() => (long)Call(&UsearchNative.usearch_memory_usage, "reading memory usage"));

    /// <inheritdoc />
    public int ExpansionSearch
    {
        get => Read(() => (int)Call(&UsearchNative.usearch_expansion_search, "reading the search expansion"));
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Write(() =>
            {
                nint error = 0;
                UsearchNative.usearch_change_expansion_search(_handle, (nuint)value, &error);
                UsearchError.ThrowIfSet(error, "changing the search expansion");
            });
        }
    }

    /// <summary>Creates an empty index.</summary>
    /// <param name="options">Index parameters; <see cref="HnswOptions.Dimensions"/> is required.</param>
    /// <returns>A new, empty index. Dispose it to release native memory.</returns>
    public static UsearchIndex Create(HnswOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var native = NativeMetricOfNewIndex(options);
        var index = new UsearchIndex(Init(options, native), options, native);
        try
        {
            // A fresh index has capacity 0 (adds fail: "Reserve capacity ahead of insertions!") and
            // hardware_concurrency search contexts; this applies our own limits from the start.
            index.ResizeUnlocked(0);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Exclusively, so no search is inside the native index while it is freed; later calls meet disposed locks.
        _lock.EnterWriteLock();
        try
        {
            _handle.Dispose();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        _lock.Dispose();
        _searchSlots.Dispose();
    }

    // i8 keeps USearch's own cosine: its cast to i8 scales every vector by its own length, and the i8 cosine kernel
    // divides the integer dot product by both norms, where an i8 inner product would not be a distance in [0, 2].
    private static UsearchMetricKind NativeMetricOfNewIndex(HnswOptions options) =>
        options.Metric == VectorMetric.Cosine && options.Storage != VectorStorage.I8
            ? UsearchMetricKind.InnerProduct
            : UsearchInitOptions.ToNative(options.Metric);

    /// <summary>
    /// The rows as the graph stores them: unchanged, or L2-normalised copies when cosine is served as inner product
    /// (a zero row stays zero).
    /// </summary>
    private ReadOnlySpan<float> Prepared(ReadOnlySpan<float> rows)
    {
        if (!_normalizes) return rows;
        var copy = rows.ToArray();
        for (var start = 0; start < copy.Length; start += Dimensions)
        {
            var row = copy.AsSpan(start, Dimensions);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(row);
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
        }
        return copy;
    }

    private static UsearchIndexHandle Init(HnswOptions options, UsearchMetricKind nativeMetric)
    {
        var init = UsearchInitOptions.From(options, nativeMetric);
        nint error = 0;
        var handle = UsearchNative.usearch_init(&init, &error);
        if (error != 0 || handle.IsInvalid)
        {
            handle.Dispose(); // usearch_init can return a live pointer together with an error
            UsearchError.ThrowIfSet(error, "creating the index");
            throw new VectorIndexException("creating the index", "usearch_init returned null", null);
        }

        return handle;
    }
}
