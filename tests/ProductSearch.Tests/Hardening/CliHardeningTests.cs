using ProductSearch.Fuzzing;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14 at the command line (items 2, 4, 5, 8): every refusal is one line on standard error with exit code 2,
/// <c>verify</c> exits 1 only for an index it found damaged, and a refused write leaves the index as it was.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliHardeningTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private async Task<string> BuildIndex(string folder)
    {
        var catalog = _temp.File("shop.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title\nk1,Stainless Steel Saucepan\nk2,Claw Hammer 16 oz\nk3,Cotton Dish Cloths\n");
        var result = await CliRun.RunAsync("index", catalog, "--index", folder, "--model", "minilm", "--device", "cpu");
        Assert.True(result.ExitCode == 0, result.ToString());
        return catalog;
    }

    private static void AssertOneLineError(CliResult result, int exitCode, string part)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(part, line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Verify_with_an_empty_index_option_is_one_line_and_exit_2(string value) =>
        AssertOneLineError(await CliRun.RunAsync("verify", "--index", value), 2, "--index is empty");

    [Fact]
    public async Task Verify_on_a_missing_folder_or_a_folder_without_an_index_exits_2()
    {
        AssertOneLineError(await CliRun.RunAsync("verify", "--index", _temp.File("missing")), 2, "does not exist");
        Directory.CreateDirectory(_temp.File("empty"));
        AssertOneLineError(await CliRun.RunAsync("verify", "--index", _temp.File("empty")), 2, "no manifest.json");
    }

    [Fact]
    public async Task Verify_exits_1_naming_a_changed_file_and_quick_verify_skips_the_hashes()
    {
        var index = _temp.File("index");
        await BuildIndex(index);
        var layout = new IndexLayout(index);
        var manifest = layout.ReadManifest();
        // A change the stores' own structure cannot show (here: the record, not the file, differs).
        var files = manifest.Files!.ToDictionary(f => f.Key, f => f.Value);
        var cfs = files.Keys.Single(f => f.EndsWith(".cfs", StringComparison.Ordinal));
        files[cfs] = files[cfs] with { Sha256 = new string('0', 64) };
        layout.WriteManifest(manifest with { Files = files });

        var full = await CliRun.RunAsync("verify", "--index", index);
        Assert.Equal(1, full.ExitCode);
        Assert.Contains($"'{cfs}' does not match the SHA-256", full.Error);
        var quick = await CliRun.RunAsync("verify", "--index", index, "--quick");
        Assert.True(quick.ExitCode == 0, quick.ToString());
        Assert.Contains("not checked (--quick)", quick.Output);
    }

    [Fact]
    public async Task Upsert_and_delete_refuse_a_damaged_index_in_one_line_and_leave_it_as_it_was()
    {
        var index = _temp.File("index");
        var catalog = await BuildIndex(index);
        var layout = new IndexLayout(index);
        File.Delete(layout.ProductStorePath(layout.ReadManifest().Generation));
        var before = FolderStateAssert.Capture(index);

        AssertOneLineError(await CliRun.RunAsync("upsert", catalog, "--index", index, "--device", "cpu"), 2, "'products.db' is missing");
        AssertOneLineError(await CliRun.RunAsync("delete", "k1", "--index", index), 2, "'products.db' is missing");
        FolderStateAssert.AssertUnchanged(before, index);
    }

    [Fact]
    public async Task Upsert_refuses_an_index_of_a_newer_layout_with_exit_2()
    {
        var index = _temp.File("index");
        var catalog = await BuildIndex(index);
        var layout = new IndexLayout(index);
        layout.WriteManifest(layout.ReadManifest() with { Format = IndexManifest.CurrentFormat + 1 });
        var before = FolderStateAssert.Capture(index);

        AssertOneLineError(await CliRun.RunAsync("upsert", catalog, "--index", index, "--device", "cpu"), 2, $"layout version {IndexManifest.CurrentFormat + 1}");
        FolderStateAssert.AssertUnchanged(before, index);
    }

    [SkippableFact]
    public async Task A_read_only_index_searches_and_its_writers_say_it_is_read_only()
    {
        var index = _temp.File("index");
        var catalog = await BuildIndex(index);
        using var readOnly = Mount.ReadOnly(index, _temp.File("ro"), out var path, out var why);
        Skip.If(readOnly is null, why);

        var search = await CliRun.RunAsync("search", "saucepan", "--index", path, "--device", "cpu");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("k1", search.Output);
        AssertOneLineError(await CliRun.RunAsync("upsert", catalog, "--index", path, "--device", "cpu"), 2, "is read-only");
    }

    [SkippableFact]
    public async Task A_full_disk_is_one_line_and_exit_2()
    {
        using var disk = Mount.Tmpfs(_temp.File("disk"), "2m", out var why);
        Skip.If(disk is null, why);
        var index = _temp.File("disk/index");
        var catalog = await BuildIndex(index);
        await File.AppendAllTextAsync(catalog, "k4,Brand New Teapot\n");
        var before = FolderStateAssert.Capture(index);
        ScratchFiles.Fill(_temp.File("disk/filler"), long.MaxValue); // every byte left

        AssertOneLineError(await CliRun.RunAsync("upsert", catalog, "--index", index, "--device", "cpu"), 2, "No space left on device");
        FolderStateAssert.AssertUnchanged(before, index);
        Assert.Single(Directory.GetDirectories(index, "gen-*"));
    }

    public void Dispose() => _temp.Dispose();
}
