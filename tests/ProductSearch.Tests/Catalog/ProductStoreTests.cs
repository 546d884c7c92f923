using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

public sealed class ProductStoreTests
{
    [Fact]
    public void Round_trips_products_and_replaces_by_key()
    {
        using var temp = new TempFolder();
        var path = temp.File("products.db");
        var shoe = new Product { Id = "A1", Title = "White Shoes", Brand = "Lumora", Price = 19.5m, Rating = 4.2, RatingCount = 8, Categories = ["Shoes"] };
        using (var store = ProductStore.OpenWritable(path))
        {
            store.Upsert([(1, shoe), (2, new Product { Id = "B2", Title = "Phone Case" })]);
            store.Upsert([(1, shoe with { Title = "White Shoes v2" })]);
            store.Checkpoint();
        }
        using var reader = ProductStore.OpenReadOnly(path);
        Assert.Equal(2, reader.Count);
        var stored = reader.Get(1)!;
        Assert.Equal(shoe with { Title = "White Shoes v2", Categories = stored.Categories }, stored); // records compare lists by reference
        Assert.Equal(new[] { "Shoes" }, reader.Get(1)!.Categories);
        Assert.Equal(2, reader.KeyOf("B2"));
        Assert.Null(reader.Get(99));
        Assert.Equal(new[] { (1L, "A1"), (2L, "B2") }, reader.Keys());
    }

    [Fact]
    public void Opening_a_missing_store_names_it() =>
        Assert.Contains("nope.db", Assert.Throws<FileNotFoundException>(() => ProductStore.OpenReadOnly("/tmp/nope.db")).Message);
}
