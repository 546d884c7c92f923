using ProductSearch.Fuzzing;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14, items 4, 5 and 8 (fsync): a full disk and a read-only folder are reported in one line that says which,
/// the failing writer removes its partial generation itself, and a read-only index still searches.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // In a child process, as an operator runs it: LiteDB abandons a write transaction when the disk fills under it,
    // and that transaction's finalizer throws (LiteDB issue 2574), which would end this test host at some later GC.
    [SkippableFact]
    public async Task A_full_disk_is_one_line_exit_2_and_the_failing_writer_leaves_the_index_as_it_was()
    {
        using var disk = Mount.Tmpfs(_temp.File("disk"), "4m", out var why);
        Skip.If(disk is null, why);
        var index = _temp.File("disk/index");
        var changes = await CliCatalogFiles.BuildWithTitleChangesAsync(_temp, index, count: 400, changed: 20);
        var size = FolderStateAssert.Capture(index).Keys.Sum(f => new FileInfo(Path.Combine(index, f)).Length);
        var filler = _temp.File("disk/filler");
        var failures = 0;
        // Each level runs out at another step: the links and the store's copy, the store writes, Lucene's commit, the
        // graph's delta, the manifest. A commit shares most files by hard link, so it needs a small part of the index.
        foreach (var share in new[] { 0.01, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5, 0.9, 1.2 })
        {
            File.Delete(filler);
            ScratchFiles.Fill(filler, new DriveInfo(index).AvailableFreeSpace - (long)(size * share));
            var before = FolderStateAssert.Capture(index);
            var result = ChildProcessCli.Run("upsert", changes, "--index", index, "--device", "cpu");
            if (result.ExitCode == 0) break; // it fitted: the levels above fit too
            failures++;
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal($"error: No space left on device while writing index '{index}'; the index is unchanged.", Assert.Single(result.ErrorLines));
            FolderStateAssert.AssertUnchanged(before, index);
            Assert.Single(Directory.GetDirectories(index, "gen-*"));
        }
        Assert.True(failures >= 3, $"only {failures} fill levels ran out of space");
        File.Delete(filler);
        Assert.Equal(0, ChildProcessCli.Run("upsert", changes, "--index", index, "--device", "cpu").ExitCode);
        Assert.True(IndexVerifier.Verify(index).IsConsistent);
    }

    [SkippableFact]
    public void A_read_only_index_searches_even_a_generation_no_reader_opened_yet_and_writers_say_it_is_read_only()
    {
        var index = _temp.File("index");
        TinyIndex.Build(index);
        using var readOnly = Mount.ReadOnly(index, _temp.File("ro"), out var path, out var why);
        Skip.If(readOnly is null, why);

        using (var engine = TinyIndex.Open(path)) Assert.NotEmpty(engine.Search(new SearchRequest { Query = "white shoes" }).Hits);
        Assert.True(IndexVerifier.Verify(path).IsConsistent);
        var error = Assert.ThrowsAny<IndexException>(() => TinyIndex.Write(path, TinyIndex.Products(2, "changed ")));
        Assert.Equal(ProductSearchErrorReason.StorageFailed, error.Reason);
        Assert.Contains("is read-only", error.Message);
    }

    [Fact]
    public void A_folder_flush_that_fails_is_an_error_not_ignored()
    {
        // A commit is durable only when its folder entries reach the disk; a flush that cannot even start must say so.
        Assert.ThrowsAny<IOException>(() => DurableFiles.FlushFolder(_temp.File("no-such-folder")));
    }

    [Fact]
    public void A_full_disk_and_a_read_only_folder_are_recognised_inside_whatever_a_store_library_wraps_them_in()
    {
        var full = new InvalidOperationException("write failed", new AggregateException(new IOException("No space left on device", 28)));
        Assert.Contains("No space left on device", StorageErrors.Translate(full, "/x")!.Message);
        Assert.Contains("read-only", StorageErrors.Translate(new IOException("Read-only file system", 30), "/x")!.Message);
        Assert.Null(StorageErrors.Translate(new IOException("busy", 11), "/x"));
    }

    public void Dispose() => _temp.Dispose();
}
