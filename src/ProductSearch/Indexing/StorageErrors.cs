namespace ProductSearch.Indexing;

/// <summary>
/// Recognises the storage failures a writer meets outside the index itself — a full disk, a read-only folder — in
/// whatever wrapping the store libraries give them, and turns them into one <see cref="IndexException"/> with
/// <see cref="ProductSearchErrorReason.StorageFailed"/> that says so, instead of a library's stack trace.
/// </summary>
internal static class StorageErrors
{
    // errno values as .NET puts them in IOException.HResult on Unix, and the Win32 codes as HRESULTs on Windows.
    private const int Enospc = 28, Edquot = 122, Erofs = 30;
    private const int ErrorDiskFull = unchecked((int)0x80070070), ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorWriteProtect = unchecked((int)0x80070013);

    /// <summary>Below this many free bytes, an unexplained write failure of a store library is taken for a full disk.</summary>
    private const long NearlyFull = 256 * 1024;

    /// <summary>
    /// The error to report for <paramref name="error"/>, met while writing the index at <paramref name="root"/>; <c>null</c>
    /// when it is no storage failure (it is then reported as it is). Call it while the partial generation still
    /// exists (in an exception filter), so that a disk it filled still reads as full.
    /// </summary>
    public static IndexException? Translate(Exception error, string root)
    {
        if (ByErrorCode(error, root) is { } known) return known;
        // The engine's own errors say what is wrong already — except the vector index's, whose native library says
        // only "failed to serialize" when the disk is full.
        if (error is ProductSearchException and not Vector.VectorIndexException) return null;
        if (Find(error, e => e is IOException or LiteDB.LiteException or Vector.VectorIndexException) is not null && FreeBytes(root) < NearlyFull)
            return NoSpace(root, error);
        return null;
    }

    /// <summary>As <see cref="Translate"/>, from the error codes alone (a full disk, a read-only folder), without guessing from the free space.</summary>
    public static IndexException? ByErrorCode(Exception error, string root)
    {
        if (Find(error, e => e is IOException io && io.HResult is Enospc or Edquot or ErrorDiskFull or ErrorHandleDiskFull) is not null)
            return NoSpace(root, error);
        if (Find(error, e => e is IOException { HResult: Erofs or ErrorWriteProtect }) is not null)
            return ReadOnly(root, "read-only file system", error);
        if (Find(error, e => e is UnauthorizedAccessException) is not null)
            return ReadOnly(root, "permission denied", error);
        return null;
    }

    /// <summary>The folder cannot be written: read-only file system, or no permission.</summary>
    public static IndexException ReadOnly(string root, string why, Exception? inner) =>
        new(ProductSearchErrorReason.StorageFailed, root, $"Index folder '{root}' is read-only ({why}); it can be searched but not written.", inner);

    private static IndexException NoSpace(string root, Exception inner) =>
        new(ProductSearchErrorReason.StorageFailed, root, $"No space left on device while writing index '{root}'; the index is unchanged.", inner);

    private static Exception? Find(Exception error, Func<Exception, bool> match)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (match(e)) return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    if (Find(inner, match) is { } found) return found;
        }
        return null;
    }

    private static long FreeBytes(string root)
    {
        try { return new DriveInfo(root).AvailableFreeSpace; }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException) { return long.MaxValue; }
    }
}
