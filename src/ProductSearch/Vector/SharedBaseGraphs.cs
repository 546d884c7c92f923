namespace ProductSearch.Vector;

/// <summary>
/// Base graphs loaded for searching, shared by every open commit whose base graph file is the same: a commit that
/// changes a few products shares the base graph with the commit before it (a hard link, or a copy with the same
/// digest), so an engine moving to it — or a second engine on a hard-linked copy — reuses the graph already in memory
/// instead of loading it again. At 1M products the base is 1.6 GB: loading it took seconds and, while the engine still
/// read the old commit, twice the memory, at every commit. The key names the file's recorded contents (its SHA-256 and
/// length), the file as it is now (its length and modification time: a hard link shares them, while a copy or a file
/// written since has its own, so a damaged copy is loaded — and refused — by itself) and the options it is opened with;
/// the graph is released when the last commit holding it closes. Shared graphs are only searched:
/// <see cref="LayeredVectorIndex"/> refuses to change one.
/// </summary>
internal static class SharedBaseGraphs
{
    private sealed class Entry(Lazy<UsearchIndex> graph)
    {
        public Lazy<UsearchIndex> Graph { get; } = graph;
        public int References { get; set; }
    }

    private static readonly Dictionary<string, Entry> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// The key of the base graph at <paramref name="path"/>, recorded with digest <paramref name="sha256"/> and
    /// <paramref name="length"/> bytes, opened with <paramref name="options"/>; <c>null</c> when the file is not there
    /// (the load reports it).
    /// </summary>
    public static string? KeyOf(string path, string sha256, long length, HnswOptions options)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        return $"{sha256}:{length}:{file.Length}:{file.LastWriteTimeUtc.Ticks}:" +
               $"{options.Dimensions}:{options.Metric}:{options.Storage}:{options.Connectivity}:{options.ExpansionAdd}:{options.ExpansionSearch}:{options.SearchThreads}";
    }

    /// <summary>The graph under <paramref name="key"/>, loaded by <paramref name="load"/> if no open commit holds it; each call is matched by one <see cref="Release"/>.</summary>
    public static UsearchIndex Acquire(string key, Func<UsearchIndex> load)
    {
        Entry entry;
        lock (Gate)
        {
            if (!Loaded.TryGetValue(key, out entry!)) Loaded[key] = entry = new Entry(new Lazy<UsearchIndex>(load, LazyThreadSafetyMode.ExecutionAndPublication));
            entry.References++;
        }
        try
        {
            // Loaded outside the lock: a 1.6 GB graph takes seconds, and other indexes' commits need not wait for it.
            return entry.Graph.Value;
        }
        catch
        {
            Release(key); // a failed load is not kept once nobody waits on it: the next open tries the file again
            throw;
        }
    }

    /// <summary>Lets go of one <see cref="Acquire"/> of <paramref name="key"/>; the last one disposes the graph.</summary>
    public static void Release(string key)
    {
        UsearchIndex? unused = null;
        lock (Gate)
        {
            if (!Loaded.TryGetValue(key, out var entry) || --entry.References > 0) return;
            Loaded.Remove(key);
            if (entry.Graph.IsValueCreated) unused = entry.Graph.Value;
        }
        unused?.Dispose();
    }
}
