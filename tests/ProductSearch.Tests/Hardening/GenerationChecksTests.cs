using ProductSearch.Indexing;
using ProductSearch.Fuzzing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14, items 2, 3, 8 and 10: a commit records a SHA-256 of every file; <see cref="IndexVerifier"/> and every
/// writer check the generation against it (or, for an index from an older version, by the structural checks) and a
/// writer refuses damage rather than copy it forward, leaving the index as it was.
/// </summary>
public sealed class GenerationChecksTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Index => _temp.File("index");

    [Fact]
    public void A_commit_records_the_length_and_sha256_of_every_file_of_its_generation()
    {
        var manifest = TinyIndex.Build(Index);
        var folder = new IndexLayout(Index).GenerationFolder(manifest.Generation);
        Assert.NotNull(manifest.Files);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "read.lock").Order().ToArray();
        Assert.Equal(files, manifest.Files!.Keys.Order().ToArray());
        Assert.Contains("products.db", files);
        Assert.Contains(files, f => f.StartsWith("lexical/", StringComparison.Ordinal));
        Assert.Equal(new FileInfo(Path.Combine(folder, "products.db")).Length, manifest.Files["products.db"].Length);
    }

    [Fact]
    public void Verify_names_a_file_whose_bytes_changed_and_quick_verify_skips_the_hashing()
    {
        var manifest = TinyIndex.Build(Index);
        var layout = new IndexLayout(Index);
        var cfs = Directory.GetFiles(layout.LexicalPath(manifest.Generation), "*.cfs").Single();
        FileDamage.Apply(cfs, Damage.FlipBytes);

        var full = IndexVerifier.Verify(Index);
        Assert.False(full.IsConsistent);
        Assert.Contains(full.Problems, p => p.Contains(Path.GetFileName(cfs)) && p.Contains("SHA-256"));
        var quick = IndexVerifier.Verify(Index, checkFiles: false);
        Assert.Null(quick.FilesChecked);
        Assert.DoesNotContain(quick.Problems, p => p.Contains("SHA-256"));
    }

    public static TheoryData<string, Damage, bool> Damages => new()
    {
        { "products.db", Damage.Delete, true },
        { "products.db", Damage.ZeroLength, true },
        { "lexical", Damage.Delete, true },
        { "products.db", Damage.Delete, false },
        { "products.db", Damage.ZeroLength, false },
        { "lexical", Damage.Delete, false },
        { "products.db", Damage.FlipBytes, true },
        { "lexical/*.cfs", Damage.FlipBytes, true },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void An_upsert_refuses_a_damaged_generation_and_leaves_the_index_as_it_was(string file, Damage damage, bool hashesRecorded)
    {
        var manifest = TinyIndex.Build(Index);
        var layout = new IndexLayout(Index);
        if (!hashesRecorded) layout.WriteManifest(manifest with { Files = null }); // as an older version wrote it
        var folder = layout.GenerationFolder(manifest.Generation);
        var path = file.Contains('*') ? Directory.GetFiles(Path.Combine(folder, Path.GetDirectoryName(file)!), Path.GetFileName(file)).Single() : Path.Combine(folder, file);
        FileDamage.Apply(path, damage);
        var before = FolderStateAssert.Capture(Index);

        var error = Assert.ThrowsAny<IndexException>(() => TinyIndex.Write(Index, TinyIndex.Products(3, "changed ")));
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Contains(file.Contains('*') ? Path.GetFileName(path) : file, error.Message);
        FolderStateAssert.AssertUnchanged(before, Index);
        Assert.False(IndexVerifier.Verify(Index).IsConsistent);
    }

    [Fact]
    public void An_index_whose_manifest_records_no_hashes_opens_verifies_and_gets_them_at_its_next_commit()
    {
        var manifest = TinyIndex.Build(Index);
        var layout = new IndexLayout(Index);
        layout.WriteManifest(manifest with { Files = null });

        var report = IndexVerifier.Verify(Index);
        Assert.True(report.IsConsistent, string.Join("; ", report.Problems));
        Assert.Null(report.FilesChecked);
        using (var engine = TinyIndex.Open(Index)) Assert.NotEmpty(engine.Search(new SearchRequest { Query = "white shoes" }).Hits);

        var next = TinyIndex.Write(Index, TinyIndex.Products(2, "changed ")).Manifest;
        Assert.NotNull(next.Files);
        Assert.Equal(next.Files!.Count, IndexVerifier.Verify(Index).FilesChecked);
    }

    [Fact]
    public void A_writer_refuses_an_index_of_a_newer_layout_rather_than_rewrite_it_in_its_own()
    {
        var manifest = TinyIndex.Build(Index);
        new IndexLayout(Index).WriteManifest(manifest with { Format = IndexManifest.CurrentFormat + 1 });
        var before = FolderStateAssert.Capture(Index);

        var error = Assert.Throws<IncompatibleIndexException>(() => TinyIndex.Write(Index, TinyIndex.Products(2, "changed ")));
        Assert.Equal(IndexIncompatibility.OtherLayout, error.Incompatibility);
        FolderStateAssert.AssertUnchanged(before, Index);
    }

    [Fact]
    public void The_next_writer_removes_what_failed_writers_left_even_when_it_commits_nothing()
    {
        var manifest = TinyIndex.Build(Index, count: 5);
        var layout = new IndexLayout(Index);
        var current = layout.GenerationFolder(manifest.Generation);
        foreach (var leftover in new[] { 5L, 9L })
            Directory.CreateDirectory(Path.Combine(layout.GenerationFolder(leftover), "lexical"));
        File.WriteAllText(layout.ManifestPath + ".tmp", "{");

        var report = TinyIndex.Write(Index, TinyIndex.Products(5)); // the same products: nothing to commit
        Assert.False(report.Committed);
        Assert.Equal([current], Directory.GetDirectories(Index, "gen-*"));
        Assert.False(File.Exists(layout.ManifestPath + ".tmp"));
    }

    [Fact]
    public void An_upsert_refuses_generation_folders_without_a_manifest_instead_of_starting_a_partial_index()
    {
        TinyIndex.Build(Index);
        File.Delete(new IndexLayout(Index).ManifestPath);
        var before = FolderStateAssert.Capture(Index);

        var error = Assert.ThrowsAny<IndexException>(() => TinyIndex.Write(Index, TinyIndex.Products(2, "changed ")));
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
        FolderStateAssert.AssertUnchanged(before, Index);
    }

    public void Dispose() => _temp.Dispose();
}
