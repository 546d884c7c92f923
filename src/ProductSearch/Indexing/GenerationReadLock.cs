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

    /// <summary>
    /// Takes a shared lock on the generation in <paramref name="folder"/>; null when the folder is gone or being deleted.
    /// In a folder that cannot be written (an index baked into an image, a read-only mount) where no reader has made
    /// <c>read.lock</c> yet, it cannot be created, and none is needed: no writer can delete that folder either. The
    /// stream returned then holds the index's manifest open for reading instead, a handle that marks nothing.
    /// </summary>
    public static FileStream? TryShared(string folder)
    {
        try
        {
            var stream = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read);
            if (Directory.Exists(folder)) return stream;
            stream.Dispose();
            return null;
        }
        catch (Exception ex) when (IsReadOnly(ex) && Directory.Exists(folder))
        {
            try { return new FileStream(Path.Combine(Path.GetDirectoryName(folder)!, "manifest.json"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
            catch (Exception inner) when (inner is IOException or UnauthorizedAccessException) { return null; }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // missing folder (DirectoryNotFoundException is an IOException) or a writer deleting it
        }
    }

    /// <summary>Whether creating the lock file failed because the folder cannot be written (not because a writer holds it).</summary>
    private static bool IsReadOnly(Exception error) => error is UnauthorizedAccessException || error is IOException { HResult: 30 /* EROFS */ };

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
