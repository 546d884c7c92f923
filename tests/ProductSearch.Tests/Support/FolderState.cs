using System.Security.Cryptography;

namespace ProductSearch.Tests.Support;

/// <summary>
/// Every file under a folder with its SHA-256, to check that a refused or failed write left an index exactly as it
/// was. Lock files are left out: readers and writers create them without changing the index.
/// </summary>
internal static class FolderState
{
    public static IReadOnlyDictionary<string, string> Capture(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("read.lock" or "write.lock" or "write.lock.json"))
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Fails naming the first file added, removed or changed since <paramref name="before"/>.</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, string folder)
    {
        var after = Capture(folder);
        foreach (var (file, hash) in before)
        {
            Assert.True(after.TryGetValue(file, out var now), $"'{file}' was removed");
            Assert.True(now == hash, $"'{file}' was changed");
        }
        var added = after.Keys.Except(before.Keys).ToArray();
        Assert.True(added.Length == 0, $"files were added: {string.Join(", ", added)}");
    }
}
