using System.Buffers.Binary;

namespace ProductSearch.Vector;

/// <summary>
/// A generation's vectors as a base graph that commits never rewrite plus a small delta: a second graph holding the
/// vectors added or replaced since the base was written, and the keys whose base vector no longer counts (replaced or
/// deleted: "superseded"). A commit that changes a few vectors rewrites only the delta; the base file is shared with
/// the previous generation by hard link. Searches ask both graphs — the base with the superseded keys filtered out —
/// and merge by distance. When the delta grows past <see cref="Indexing.DeltaMerge.IsDue"/> the writer folds it into a new base
/// (<see cref="MergeInto"/>), in a commit like any other. The base is loaded on first use, so a writer that only
/// records changes never reads it.
/// </summary>
internal sealed class LayeredVectorIndex : IVectorIndex
{
    /// <summary>File name of the delta graph beside the base.</summary>
    public const string DeltaFileName = "vectors-delta.usearch";

    /// <summary>File name of the superseded keys (little-endian 64-bit, ascending).</summary>
    public const string SupersededFileName = "vectors-delta.keys";

    private readonly Lazy<UsearchIndex> _base;
    private readonly UsearchIndex _delta;
    private readonly HashSet<ulong> _superseded;
    private readonly HnswOptions _options;
    private readonly string? _sharedBase; // the base is held through SharedBaseGraphs under this key: searched, never changed

    private LayeredVectorIndex(Lazy<UsearchIndex> @base, UsearchIndex delta, HashSet<ulong> superseded, HnswOptions options, string? sharedBase)
    {
        _sharedBase = sharedBase;
        _base = @base;
        _delta = delta;
        _superseded = superseded;
        _options = options;
    }

    /// <summary>
    /// Opens a generation's vectors: the base graph at <paramref name="basePath"/> (loaded now, or on first use when
    /// <paramref name="loadBase"/> is false) and the delta beside it in the same folder, if there is one. With a
    /// <paramref name="sharedBaseKey"/> (<see cref="SharedBaseGraphs.KeyOf"/>: for searching only) the base graph is
    /// the one already loaded for another open commit with the same file, if any.
    /// </summary>
    /// <exception cref="VectorIndexException">A file is missing, damaged, or only one of the delta's two files is there.</exception>
    public static LayeredVectorIndex Open(string basePath, HnswOptions options, bool loadBase, string? sharedBaseKey = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(basePath))!;
        var deltaPath = Path.Combine(folder, DeltaFileName);
        var keysPath = Path.Combine(folder, SupersededFileName);
        if (File.Exists(deltaPath) != File.Exists(keysPath))
            throw new VectorIndexException("opening the delta", $"'{DeltaFileName}' and '{SupersededFileName}' must both be there or neither", folder);
        var superseded = File.Exists(keysPath) ? ReadKeys(keysPath) : [];
        var delta = File.Exists(deltaPath) ? UsearchIndex.Load(deltaPath, options) : UsearchIndex.Create(options);
        try
        {
            var @base = new Lazy<UsearchIndex>(sharedBaseKey is null
                ? () => UsearchIndex.Load(basePath, options)
                : () => SharedBaseGraphs.Acquire(sharedBaseKey, () => UsearchIndex.Load(basePath, options)), LazyThreadSafetyMode.ExecutionAndPublication);
            if (loadBase) _ = @base.Value;
            return new LayeredVectorIndex(@base, delta, superseded, options, sharedBaseKey);
        }
        catch
        {
            delta.Dispose();
            throw;
        }
    }

    /// <summary>Keys whose base vector no longer counts (each is in the delta, or deleted).</summary>
    public int SupersededCount => _superseded.Count;

    private UsearchIndex Base => _base.Value;

    /// <summary>The base graph, when it has been loaded (tests compare it across commits).</summary>
    internal UsearchIndex? LoadedBase => _base.IsValueCreated ? _base.Value : null;

    /// <inheritdoc />
    public int Dimensions => _delta.Dimensions;

    /// <inheritdoc />
    /// <remarks>
    /// Counted once and kept until the next change: it asks the base about every superseded key (a native call each),
    /// and a search asks for it every time — after 1,000 commits at 1M, 10,100 keys took 3.2–3.4 ms of each search.
    /// </remarks>
    public long Count
    {
        get
        {
            var counted = Interlocked.Read(ref _count);
            if (counted >= 0) return counted;
            counted = Base.Count - _superseded.Count(Base.Contains) + _delta.Count;
            Interlocked.Exchange(ref _count, counted);
            return counted;
        }
    }

    private long _count = -1; // -1: not counted since the last change

    /// <inheritdoc />
    public int ExpansionSearch
    {
        get => _delta.ExpansionSearch;
        set
        {
            RefuseIfShared();
            _delta.ExpansionSearch = value;
            Base.ExpansionSearch = value;
        }
    }

    /// <inheritdoc />
    /// <remarks>Reserves in the delta, where every addition goes.</remarks>
    public void Reserve(long capacity) => _delta.Reserve(capacity);

    /// <inheritdoc />
    /// <remarks>Goes to the delta; the base vectors of these keys stop counting. The base is not read.</remarks>
    public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> vectors)
    {
        Interlocked.Exchange(ref _count, -1);
        foreach (var key in keys)
        {
            _superseded.Add(key);
            if (_delta.Contains(key)) _delta.Remove(key);
        }
        _delta.Add(keys, vectors);
    }

    /// <summary>Makes <paramref name="key"/> count no more, in the base and the delta, without reading the base.</summary>
    public void Supersede(ulong key)
    {
        Interlocked.Exchange(ref _count, -1);
        _superseded.Add(key);
        if (_delta.Contains(key)) _delta.Remove(key);
    }

    /// <inheritdoc />
    public bool Contains(ulong key) => _superseded.Contains(key) ? _delta.Contains(key) : Base.Contains(key);

    /// <inheritdoc />
    public bool Remove(ulong key)
    {
        var held = Contains(key);
        Supersede(key);
        return held;
    }

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, CancellationToken cancellationToken = default)
    {
        var fromBase = _superseded.Count == 0 ? Base.Search(query, k, cancellationToken) : BaseLessSuperseded(query, k, cancellationToken);
        return _delta.Count == 0 ? fromBase : Merged(fromBase, _delta.Search(query, k, cancellationToken), k);
    }

    /// <summary>
    /// The base's nearest <paramref name="k"/> that still count. Superseded keys are at most 2 % of the products
    /// (<see cref="Indexing.DeltaMerge"/>), so a few more than k, searched without a filter and thinned, almost always
    /// hold k of them; the native filtered search calls back into .NET for every node it visits, which made the dense
    /// stage about 40 % slower once commits had left a delta (benchmarks/RESULTS.md, issue 16). When too many of the
    /// nearest are superseded, the filtered search answers.
    /// </summary>
    private IReadOnlyList<VectorHit> BaseLessSuperseded(ReadOnlySpan<float> query, int k, CancellationToken cancellationToken)
    {
        var asked = k + Math.Min(_superseded.Count, Math.Max(8, k / 4));
        var nearest = Base.Search(query, asked, cancellationToken);
        var kept = nearest.Where(h => !_superseded.Contains(h.Key)).Take(k).ToArray();
        return kept.Length == k || nearest.Count < asked ? kept : Base.Search(query, k, key => !_superseded.Contains(key), cancellationToken);
    }

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<ulong, bool> filter, CancellationToken cancellationToken = default)
    {
        var fromBase = _superseded.Count == 0 ? Base.Search(query, k, filter, cancellationToken)
            : Base.Search(query, k, key => !_superseded.Contains(key) && filter(key), cancellationToken);
        return _delta.Count == 0 ? fromBase : Merged(fromBase, _delta.Search(query, k, filter, cancellationToken), k);
    }

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> SearchExact(ReadOnlySpan<float> query, int k, ReadOnlySpan<ulong> keys, CancellationToken cancellationToken = default)
    {
        if (_superseded.Count == 0) return Base.SearchExact(query, k, keys, cancellationToken);
        var inDelta = new List<ulong>();
        var inBase = new List<ulong>(keys.Length);
        foreach (var key in keys) (_superseded.Contains(key) ? inDelta : inBase).Add(key);
        var fromBase = inBase.Count == 0 ? [] : Base.SearchExact(query, k, inBase.ToArray(), cancellationToken);
        return inDelta.Count == 0 ? fromBase : Merged(fromBase, _delta.SearchExact(query, k, inDelta.ToArray(), cancellationToken), k);
    }

    private static VectorHit[] Merged(IReadOnlyList<VectorHit> first, IReadOnlyList<VectorHit> second, int k) =>
        first.Concat(second).OrderBy(h => h.Distance).ThenBy(h => h.Key).Take(k).ToArray();

    /// <summary>Writes the delta (graph and superseded keys) into <paramref name="folder"/>, each file beside-then-renamed; the base file is left as it is.</summary>
    public void SaveDelta(string folder)
    {
        _delta.Save(Path.Combine(folder, DeltaFileName));
        var keys = _superseded.Order().ToArray();
        var bytes = new byte[keys.Length * sizeof(ulong)];
        for (var i = 0; i < keys.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), keys[i]);
        Indexing.DurableFiles.ReplaceAtomically(Path.Combine(folder, SupersededFileName), stream => stream.Write(bytes));
    }

    /// <summary>
    /// Folds the delta into the base — superseded keys removed from it, the delta's vectors added — and saves it as a
    /// new base at <paramref name="basePath"/> (beside-then-renamed), removing the delta's files from its folder.
    /// </summary>
    public void MergeInto(string basePath)
    {
        RefuseIfShared();
        Interlocked.Exchange(ref _count, -1);
        var merged = Base;
        var row = new float[Dimensions];
        var keys = new List<ulong>();
        var vectors = new List<float>();
        foreach (var key in _superseded.Order())
        {
            if (merged.Contains(key)) merged.Remove(key);
            if (!_delta.TryGet(key, row)) continue;
            keys.Add(key);
            vectors.AddRange(row);
        }
        merged.Reserve(merged.Count + keys.Count);
        if (keys.Count > 0) merged.Add(keys.ToArray(), vectors.ToArray());
        merged.Save(basePath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(basePath))!;
        File.Delete(Path.Combine(folder, DeltaFileName));
        File.Delete(Path.Combine(folder, SupersededFileName));
    }

    /// <inheritdoc />
    /// <remarks>Writes the whole view as one graph (the delta folded in) at <paramref name="path"/>.</remarks>
    public void Save(string path) => MergeInto(path);

    private static HashSet<ulong> ReadKeys(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % sizeof(ulong) != 0)
            throw new VectorIndexException("reading the superseded keys", $"{bytes.Length:N0} bytes is not a whole number of keys", path);
        var keys = new HashSet<ulong>(bytes.Length / sizeof(ulong));
        for (var at = 0; at < bytes.Length; at += sizeof(ulong)) keys.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)));
        return keys;
    }

    /// <summary>Other open commits may be searching a shared base graph: it is never changed.</summary>
    private void RefuseIfShared()
    {
        if (_sharedBase is not null) throw new InvalidOperationException("This generation's base graph is shared with other open commits for searching; it cannot be changed.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _delta.Dispose();
        if (!_base.IsValueCreated) return;
        if (_sharedBase is null) _base.Value.Dispose();
        else SharedBaseGraphs.Release(_sharedBase);
    }
}
