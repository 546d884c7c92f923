namespace ProductSearch.Indexing;

/// <summary>
/// Tells whether a file beside the index (the ranking profile, the learned ranker) was written, created or deleted
/// since the last look, by its write time and length: a cheap check that engines run on every refresh. Not
/// thread-safe; its owner locks.
/// </summary>
internal sealed class WatchedFile(string path)
{
    private (DateTime WrittenAt, long Length)? _seen;

    /// <summary>The file watched.</summary>
    public string Path => path;

    /// <summary>Whether the file exists (as of the last <see cref="Changed"/>).</summary>
    public bool Exists => _seen is not null;

    /// <summary>Whether the file changed since the last call (a file absent at the first call has not).</summary>
    public bool Changed()
    {
        var file = new FileInfo(path);
        (DateTime, long)? stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
        if (stamp == _seen) return false;
        _seen = stamp;
        return true;
    }
}
