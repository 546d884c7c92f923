namespace ProductSearch.Fuzzing;

/// <summary>File chores of the hardening tests and runs: copying an index folder whole, filling a disk.</summary>
public static class ScratchFiles
{
    /// <summary>Copies the folder <paramref name="from"/> with everything in it to <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>Writes <paramref name="bytes"/> zeros to <paramref name="path"/> (real blocks, not a sparse file), or as many as fit.</summary>
    public static void Fill(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        var chunk = new byte[64 * 1024];
        try
        {
            for (long written = 0; written < bytes; written += chunk.Length) stream.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
        catch (IOException)
        {
            // The disk is full: as full as it gets.
        }
    }
}
