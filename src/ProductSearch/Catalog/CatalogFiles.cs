namespace ProductSearch.Catalog;

/// <summary>Opens catalog files with errors that name them, the same way for every format.</summary>
internal static class CatalogFiles
{
    /// <summary>Checks that <paramref name="path"/> is a readable file and returns its size.</summary>
    /// <exception cref="CatalogException">It is missing, a folder or unreadable.</exception>
    public static long EnsureReadable(string path, string label = "Catalog")
    {
        using var stream = OpenRead(path, label);
        return stream.Length;
    }

    /// <summary>Opens <paramref name="path"/> for reading, asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="label">What the file is, for messages.</param>
    /// <exception cref="CatalogException">It is missing, a folder or unreadable.</exception>
    public static FileStream OpenRead(string path, string label = "Catalog")
    {
        if (Directory.Exists(path)) throw new CatalogException($"{label} '{path}' is a folder, not a file.");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CatalogException($"{label} '{path}' does not exist.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CatalogException($"{label} '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
