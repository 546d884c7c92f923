using System.Text.Json;

namespace ProductSearch.Indexing;

/// <summary>
/// The one-writer-at-a-time rule of an index folder: an exclusive OS lock on <c>write.lock</c> (released by the
/// kernel when the holder exits, even by kill -9, so a crash never leaves the index locked) and, beside it,
/// <c>write.lock.json</c> saying who holds it, so a second writer's error can name the holder.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _infoPath;

    private WriterLock(FileStream @lock, string infoPath)
    {
        _lock = @lock;
        _infoPath = infoPath;
    }

    /// <summary>Who holds a lock.</summary>
    /// <param name="ProcessId">The holder's process id.</param>
    /// <param name="Host">The holder's machine.</param>
    /// <param name="Since">When it took the lock.</param>
    /// <param name="Purpose">What it is doing.</param>
    public sealed record Holder(int ProcessId, string Host, DateTimeOffset Since, string Purpose);

    /// <summary>Takes the lock of the index at <paramref name="indexPath"/>, or fails at once naming the holder.</summary>
    /// <exception cref="IndexLockedException">Another writer holds it.</exception>
    /// <exception cref="IndexException">The folder cannot be written (<see cref="ProductSearchErrorReason.StorageFailed"/>: read-only, or a full disk).</exception>
    public static WriterLock Acquire(string indexPath, string purpose)
    {
        var lockPath = Path.Combine(indexPath, "write.lock");
        var infoPath = lockPath + ".json";
        FileStream stream;
        try
        {
            Directory.CreateDirectory(indexPath);
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception ex) when (StorageErrors.ByErrorCode(ex, indexPath) is { } storage)
        {
            // A read-only folder is not a busy one: say which it is, not "being written by another process".
            throw storage;
        }
        catch (IOException ex)
        {
            var holder = ReadHolder(infoPath);
            var who = holder is null ? "another process" : $"process {holder.ProcessId} on {holder.Host} since {holder.Since:u} ({holder.Purpose})";
            throw new IndexLockedException(indexPath, $"Index '{indexPath}' is being written by {who}; one writer at a time.", holder, ex);
        }
        try
        {
            var info = new Holder(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow, purpose);
            File.WriteAllText(infoPath, JsonSerializer.Serialize(info));
        }
        catch (Exception ex) when (StorageErrors.ByErrorCode(ex, indexPath) is { } storage)
        {
            stream.Dispose();
            TryDelete(infoPath);
            throw storage;
        }
        return new WriterLock(stream, infoPath);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    private static Holder? ReadHolder(string infoPath)
    {
        try { return JsonSerializer.Deserialize<Holder>(File.ReadAllText(infoPath)); }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TryDelete(_infoPath);
        _lock.Dispose();
    }
}

/// <summary>A second writer tried to write an index that a writer holds; the message names the holder.</summary>
public sealed class IndexLockedException : IndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexLockedException(string indexPath, string message, WriterLock.Holder? holder, Exception? inner = null)
        : base(ProductSearchErrorReason.IndexBusy, indexPath, message, inner) => Holder = holder;

    /// <summary>The holder, when known.</summary>
    public WriterLock.Holder? Holder { get; }
}
