using ProductSearch.Indexing;
using ProductSearch.Fuzzing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14's damage matrix: every file of a generation, and the manifest, cut in half, with 32 bytes inverted,
/// deleted or emptied; then a search, <c>verify</c> and an upsert must each give a clean, correct answer — the
/// search a result or one of the engine's own errors (never a library's), verify the damage named, the upsert a
/// refusal naming it that leaves the index exactly as it was.
/// </summary>
public sealed class DamageMatrixTests
{
    /// <summary>The files of a generation as <see cref="TinyIndex.Build"/> writes it, plus the manifest.</summary>
    public static TheoryData<string, Damage> Cells()
    {
        using var temp = new TempFolder();
        var manifest = TinyIndex.Build(temp.File("index"));
        var data = new TheoryData<string, Damage>();
        foreach (var file in manifest.Files!.Keys.Append("../manifest.json"))
            foreach (var damage in Enum.GetValues<Damage>())
                data.Add(file, damage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Search_verify_and_upsert_each_answer_cleanly(string file, Damage damage)
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var manifest = TinyIndex.Build(index);
        var path = Path.GetFullPath(Path.Combine(new IndexLayout(index).GenerationFolder(manifest.Generation), file));
        FileDamage.Apply(path, damage);
        var before = FolderStateAssert.Capture(index);
        var name = Path.GetFileName(path);

        var outcome = DamageOutcome.Of(index, TinyIndex.Open, path => TinyIndex.Write(path, TinyIndex.Products(3, "changed ")));
        Assert.True(outcome.SearchClean, outcome.Search);
        Assert.True(outcome.VerifyFound, outcome.Verify);
        Assert.True(outcome.UpsertRefused, outcome.Upsert);
        if (file != "../manifest.json" || damage != Damage.Delete)
            Assert.Contains(name, outcome.Verify + outcome.Upsert);
        FolderStateAssert.AssertUnchanged(before, index);
    }

    [Fact]
    public async Task A_product_store_damaged_under_a_running_engine_fails_every_later_read_with_the_engine_s_own_error()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var manifest = TinyIndex.Build(index, count: 300);
        var store = new IndexLayout(index).ProductStorePath(manifest.Generation);
        using var engine = TinyIndex.Open(index);
        var bytes = File.ReadAllBytes(store);
        for (var i = 8192; i < bytes.Length; i++) bytes[i] ^= 0x5A; // every page after the header, as a failing disk would
        File.WriteAllBytes(store, bytes);

        // LiteDB closes itself after its first failed check; the later reads must still say why, not "disposed".
        using var fresh = TinyIndex.Open(index);
        foreach (var read in new Func<Task>[]
                 {
                     () => fresh.SearchAsync(new SearchRequest { Query = "white shoes" }),
                     () => fresh.SearchAsync(new SearchRequest { Query = "red lamp", K = 100 }),
                     () => fresh.GetProductAsync("t1"),
                 })
        {
            var error = await Assert.ThrowsAsync<ProductSearch.Catalog.ProductStoreException>(read);
            Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
            Assert.Contains("products.db", error.Message);
        }
    }
}
