using ProductSearch.Fuzzing;

namespace ProductSearch.Tests.Support;

/// <summary>Assertions over <see cref="Fuzzing.FolderState"/>: that a refused or failed write left an index exactly as it was.</summary>
internal static class FolderStateAssert
{
    public static IReadOnlyDictionary<string, string> Capture(string folder) => FolderState.Capture(folder);

    /// <summary>Fails naming the first file added, removed or changed since <paramref name="before"/>.</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, string folder)
    {
        var difference = FolderState.Difference(before, folder);
        Assert.True(difference is null, difference);
    }
}
