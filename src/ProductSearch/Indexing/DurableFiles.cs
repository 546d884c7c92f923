using System.Runtime.InteropServices;

namespace ProductSearch.Indexing;

/// <summary>
/// Forces files and folders to disk. A commit is durable only when the new generation's files, the manifest, and the
/// folder entries that name them have all reached the disk; .NET flushes file contents but has no call for a
/// folder, so on Unix the folder is opened and fsync'ed through libc (on Windows, NTFS journals the rename itself).
/// </summary>
internal static partial class DurableFiles
{
    /// <summary>Flushes every file under <paramref name="folder"/>, then the folders themselves.</summary>
    public static void FlushTree(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) FlushFile(file);
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)) FlushFolder(sub);
        FlushFolder(folder);
    }

    /// <summary>Flushes one file's contents to disk.</summary>
    public static void FlushFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a folder's entries (new and renamed names) to disk.</summary>
    /// <exception cref="IOException">The folder cannot be opened or flushed: the commit would not be durable.</exception>
    public static void FlushFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw Failure("open", path, Marshal.GetLastPInvokeError());
        try
        {
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && !FolderSyncUnsupported(errno))
                throw Failure("fsync", path, errno);
        }
        finally { _ = Close(fd); }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes, atomically: into a temporary file
    /// beside it, flushed, then renamed over it and the folder entry flushed — a reader sees the old file or the new one.
    /// </summary>
    public static void ReplaceAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        FlushFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Some file systems cannot fsync a folder at all (EINVAL, ENOTSUP): there is nothing more to flush there, and
    /// refusing every commit on them would help no one. Any other failure (EIO, ENOSPC) means the disk did not take it.
    /// </summary>
    private static bool FolderSyncUnsupported(int errno) => errno is 22 /* EINVAL */ or 95 /* ENOTSUP */;

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call} of '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
