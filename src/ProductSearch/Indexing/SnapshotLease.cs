namespace ProductSearch.Indexing;

/// <summary>A snapshot taken from a <see cref="SnapshotManager"/> for one search; disposing it gives it back.</summary>
internal readonly struct SnapshotLease(IndexSnapshot snapshot) : IDisposable
{
    public IndexSnapshot Snapshot { get; } = snapshot;

    public void Dispose() => Snapshot.Release();
}
