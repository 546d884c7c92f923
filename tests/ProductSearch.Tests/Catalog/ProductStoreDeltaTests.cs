using System.Security.Cryptography;
using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

/// <summary>
/// Issue 16: the product store as a base that commits never write plus a delta beside it. Every read — by key, by
/// catalog id, in key order, by category — sees the delta over the base, the base file keeps its bytes, and a merge
/// folds the delta into a new base with the same view.
/// </summary>
public sealed class ProductStoreDeltaTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string BasePath => _temp.File("products.db");

    private static Product Item(string id, string title, params string[] categories) => new() { Id = id, Title = title, Categories = categories };

    private static StoredProduct Stored(long key, Product product) => new(key, product, "e" + product.Title, "c" + product.Title);

    /// <summary>A base of A1, B2, C3 under keys 1–3, then through a delta: B2 changed, D4 added and deleted again, C3 deleted and added back as key 5, E6 added.</summary>
    private void BuildBaseAndDelta()
    {
        using (var store = ProductStore.OpenWritable(BasePath))
        {
            store.Upsert([Stored(1, Item("A1", "shoe", "Shoes")), Stored(2, Item("B2", "phone case", "Phones")), Stored(3, Item("C3", "hammer", "Tools"))]);
            store.Checkpoint();
        }
        using (var store = ProductStore.OpenForChanges(BasePath))
        {
            store.Upsert([Stored(2, Item("B2", "better phone case", "Phones", "Cases")), Stored(4, Item("D4", "drill", "Tools"))]);
            Assert.True(store.Delete(4));
            Assert.True(store.Delete(3));
            Assert.False(store.Delete(3));
            store.Upsert([Stored(5, Item("C3", "hammer again", "Tools")), Stored(6, Item("E6", "teddy", "Toys"))]);
            AssertView(store);
            store.Checkpoint();
        }
    }

    private static void AssertView(ProductStore store)
    {
        Assert.Equal(4, store.Count);
        Assert.Equal(new[] { (1L, "A1"), (2L, "B2"), (5L, "C3"), (6L, "E6") }, store.Keys());
        Assert.Equal("better phone case", store.Get(2)!.Title);
        Assert.Equal("shoe", store.Get(1)!.Title);
        Assert.Null(store.Get(3));
        Assert.Null(store.Get(4));
        Assert.Equal(5, store.KeyOf("C3"));
        Assert.Null(store.KeyOf("D4"));
        Assert.Equal(6, store.MaxKey());
        var found = store.Lookup(["A1", "B2", "C3", "D4"]);
        Assert.Equal(new[] { "A1", "B2", "C3" }, found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2L, "ebetter phone case", "cbetter phone case"), found["B2"]);
        Assert.Equal(5, found["C3"].Key);
        Assert.Equal(new[] { 1L, 2L, 5L }, store.GetMany([5, 3, 2, 1, 4]).Keys.Order());
        Assert.Equal(new[] { new CategoryCount("Phones", 1), new CategoryCount("Shoes", 1), new CategoryCount("Tools", 1), new CategoryCount("Toys", 1) },
            store.TopLevelCategories());
    }

    [Fact]
    public void Changes_go_to_the_delta_and_every_read_sees_them_over_the_base_whose_bytes_stay_as_they_were()
    {
        using (var store = ProductStore.OpenWritable(BasePath)) store.Upsert([Stored(1, Item("X", "x"))]);
        var baseBefore = Sha(BasePath);
        File.Delete(BasePath);

        BuildBaseAndDelta();
        var baseHash = Sha(BasePath);
        Assert.NotEqual(baseBefore, baseHash);
        using (var again = ProductStore.OpenForChanges(BasePath)) again.Upsert([Stored(7, Item("F7", "lamp"))]);
        Assert.Equal(baseHash, Sha(BasePath)); // the base is opened read-only: every change lands in the delta

        using var reader = ProductStore.OpenReadOnly(BasePath);
        Assert.Equal(5, reader.Count);
        Assert.Equal(5, reader.ChangedSinceBase); // keys 2 and 3 shadowed; 5, 6 and 7 added (4 came and went within the delta)
        Assert.True(File.Exists(_temp.File(ProductStore.DeltaFileName)));
    }

    [Fact]
    public void A_reader_of_the_base_and_delta_sees_what_the_writer_saw()
    {
        BuildBaseAndDelta();
        using var reader = ProductStore.OpenReadOnly(BasePath);
        AssertView(reader);
        Assert.Equal(4, reader.ChangedSinceBase); // keys 2 and 3 shadowed, 5 and 6 added
    }

    [Fact]
    public void A_merge_writes_a_new_base_with_the_same_view_and_drops_the_delta_leaving_the_old_base_file_whole()
    {
        BuildBaseAndDelta();
        var linked = _temp.File("linked.db");
        Assert.Null(ProductSearch.Indexing.HardLinks.TryCreate(BasePath, linked)); // as the previous generation shares it
        var sharedHash = Sha(linked);

        using (var store = ProductStore.OpenForChanges(BasePath)) store.MergeIntoBase();

        Assert.Equal(new[] { "linked.db", "products.db" }, Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(sharedHash, Sha(linked));
        using var merged = ProductStore.OpenReadOnly(BasePath);
        AssertView(merged);
        Assert.Equal(0, merged.ChangedSinceBase);
    }

    [Fact]
    public void A_damaged_delta_is_reported_naming_it()
    {
        BuildBaseAndDelta();
        var delta = _temp.File(ProductStore.DeltaFileName);
        using (var stream = new FileStream(delta, FileMode.Open)) stream.SetLength(stream.Length - 100);

        var error = Assert.Throws<ProductStoreException>(() => ProductStore.OpenReadOnly(BasePath));
        Assert.Contains(ProductStore.DeltaFileName, error.Message);
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _temp.Dispose();
}
