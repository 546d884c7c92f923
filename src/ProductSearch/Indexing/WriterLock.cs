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
    public static WriterLock Acquire(string indexPath, string purpose)
    {
        Directory.CreateDirectory(indexPath);
        var lockPath = Path.Combine(indexPath, "write.lock");
        var infoPath = lockPath + ".json";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            var holder = ReadHolder(infoPath);
            var who = holder is null ? "another process" : $"process {holder.ProcessId} on {holder.Host} since {holder.Since:u} ({holder.Purpose})";
            throw new IndexLockedException(indexPath, $"Index '{indexPath}' is being written by {who}; one writer at a time.", holder, ex);
        }
        var info = new Holder(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow, purpose);
        File.WriteAllText(infoPath, JsonSerializer.Serialize(info));
        return new WriterLock(stream, infoPath);
    }

    private static Holder? ReadHolder(string infoPath)
    {
        try { return JsonSerializer.Deserialize<Holder>(File.ReadAllText(infoPath)); }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { File.Delete(_infoPath); }
        catch (IOException) { }
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
