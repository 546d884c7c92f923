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
    public static void FlushFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try { _ = Fsync(fd); }
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

    /// <summary>Copies a folder tree (files are copied, not linked: the copy must be writable without touching the source).</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
