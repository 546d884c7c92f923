using ProductSearch.Fuzzing;
using ProductSearch.Indexing;

namespace ProductSearch.Tests.Support;

/// <summary>The CLI's upsert run against a disk filled to a few levels, as the full-disk tests of a merge do.</summary>
internal static class FullDiskUpserts
{
    /// <summary>
    /// Runs <c>productsearch upsert <paramref name="changes"/></c> in a child process with the disk of
    /// <paramref name="index"/> filled (by <paramref name="filler"/>) to leave each of <paramref name="rooms"/> bytes free,
    /// asserting that each run fails with one line and leaves the index as it was; then frees the disk and asserts that
    /// the same run commits a consistent index and leaves one generation.
    /// </summary>
    public static void AssertEachFailsWholeThenFits(string index, string changes, string filler, IEnumerable<long> rooms)
    {
        foreach (var room in rooms)
        {
            File.Delete(filler);
            ScratchFiles.Fill(filler, new DriveInfo(index).AvailableFreeSpace - room);
            var before = FolderStateAssert.Capture(index);
            var result = ChildProcessCli.Run("upsert", changes, "--index", index, "--device", "cpu");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal($"error: No space left on device while writing index '{index}'; the index is unchanged.", Assert.Single(result.ErrorLines));
            FolderStateAssert.AssertUnchanged(before, index);
            Assert.Single(Directory.GetDirectories(index, "gen-*"));
        }
        File.Delete(filler);
        Assert.Equal(0, ChildProcessCli.Run("upsert", changes, "--index", index, "--device", "cpu").ExitCode);
        Assert.True(IndexVerifier.Verify(index).IsConsistent);
        Assert.Single(Directory.GetDirectories(index, "gen-*"));
    }
}
