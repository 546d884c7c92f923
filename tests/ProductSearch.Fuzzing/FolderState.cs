using System.Security.Cryptography;

namespace ProductSearch.Fuzzing;

/// <summary>
/// Every file under a folder with its SHA-256, to check that a refused or failed write left an index exactly as it
/// was. Lock files are left out: readers and writers create them without changing the index.
/// </summary>
public static class FolderState
{
    public static IReadOnlyDictionary<string, string> Capture(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("read.lock" or "write.lock" or "write.lock.json"))
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The first file added, removed or changed since <paramref name="before"/>, or <c>null</c> when none was.</summary>
    public static string? Difference(IReadOnlyDictionary<string, string> before, string folder)
    {
        var after = Capture(folder);
        foreach (var (file, hash) in before)
        {
            if (!after.TryGetValue(file, out var now)) return $"'{file}' was removed";
            if (now != hash) return $"'{file}' was changed";
        }
        return after.Keys.Except(before.Keys).FirstOrDefault() is { } added ? $"'{added}' was added" : null;
    }
}
