namespace ProductSearch.Indexing;

/// <summary>
/// Marks a generation as being read: a shared OS lock on <c>read.lock</c> inside its folder. A writer deletes an old
/// generation only when it can take that lock exclusively, i.e. when no engine still reads it (LiteDB and Lucene
/// reopen files while they run, so a folder deleted under a reader would break it). The kernel drops the lock when a
/// reader dies, so a crashed reader never pins a generation for good.
/// </summary>
internal static class GenerationReadLock
{
    private const string FileName = "read.lock";

    /// <summary>Takes a shared lock on the generation in <paramref name="folder"/>; null when the folder is gone or being deleted.</summary>
    public static FileStream? TryShared(string folder)
    {
        try
        {
            var stream = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read);
            if (Directory.Exists(folder)) return stream;
            stream.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // missing folder (DirectoryNotFoundException is an IOException) or a writer deleting it
        }
    }

    /// <summary>Takes the exclusive lock of an old generation, or null while any reader holds it.</summary>
    public static FileStream? TryExclusive(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
