using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary><see cref="SearchEngine.GetTopLevelCategories"/>: a shop's departments, from the index's own categories.</summary>
public sealed class TopLevelCategoriesTests
{
    private static Product Item(string id, params string[] categories) => new() { Id = id, Title = "Item " + id, Categories = categories };

    [Fact]
    public void First_level_categories_are_counted_most_products_first_then_by_name()
    {
        using var temp = new TempFolder();
        var path = temp.File("idx");
        using var engine = TinyIndex.Serve(path, [
            Item("a1", "Home & Kitchen", "Kitchen"), Item("a2", "Home & Kitchen"), Item("a3", "Home & Kitchen", "Bath"),
            Item("b1", "Toys & Games", "Home & Kitchen"), // a deeper level of the same name does not count
            Item("c1", "Books"), Item("c2", "Books", "Toys & Games"),
            Item("d1"), // no category: in no department
        ]);
        Assert.Equal([new CategoryCount("Home & Kitchen", 3), new CategoryCount("Books", 2), new CategoryCount("Toys & Games", 1)], engine.GetTopLevelCategories());
        Assert.Same(engine.GetTopLevelCategories(), engine.GetTopLevelCategories()); // counted once per commit

        // A commit that changes the catalog changes the departments.
        TinyIndex.Write(path, [Item("t2", "Toys & Games"), Item("t3", "Toys & Games"), Item("t4", "Toys & Games")]);
        Assert.True(engine.Refresh());
        Assert.Equal(new CategoryCount("Toys & Games", 4), engine.GetTopLevelCategories()[0]);
    }
}
