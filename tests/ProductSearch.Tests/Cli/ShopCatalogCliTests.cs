using System.Text.Json;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// A shop's CSV with extra columns from the command line: indexed with its attributes, filtered by range and any-of,
/// sorted by price, faceted (JSON carries total_hits and facets beside results), and the bad-input lines (exit 2).
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ShopCatalogCliTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string BuildIndex()
    {
        var catalog = _temp.File("shop.csv");
        File.WriteAllText(catalog, "product_id,product_title,product_brand,product_color,price,rating,Size,Material,In stock,Weight (kg)\n" +
            "s1,Lumora Cotton Hoodie,Lumora,White,24.50,4.5,M,cotton,true,0.6\n" +
            "s2,Lumora Fleece Hoodie,Lumora,Black,39.00,4.1,L,fleece,false,0.8\n" +
            "s3,Kestrel Cotton Hoodie,Kestrel,White,19.99,3.2,S,cotton,true,0.5\n" +
            "s4,Kestrel Zip Hoodie,Kestrel,Navy,54.00,4.8,XL,polyester,true,0.7\n" +
            "s5,Tidewell Hoodie for Kids,Tidewell,White,15.00,4.0,M,cotton,true,0.3\n" +
            "s6,Tidewell Rain Jacket,Tidewell,Olive,89.00,4.6,L,nylon,true,0.4\n");
        var index = _temp.File("idx");
        var exit = ProductSearch.Cli.CliApp.RunAsync(["index", catalog, "--index", index, "--device", "cpu", "--model", "minilm"]).GetAwaiter().GetResult();
        Assert.Equal(0, exit);
        return index;
    }

    [Fact]
    public async Task Search_filters_by_range_and_any_of_sorts_by_price_and_facets_disjunctively_in_json()
    {
        var index = BuildIndex();
        var info = await CliRun.RunAsync("info", "--index", index);
        Assert.Contains("in_stock      boolean  filterable, facetable", info.Output);
        Assert.Contains("weight_kg     number   filterable, facetable, sortable", info.Output);

        var search = await CliRun.RunAsync("search", "hoodie", "--index", index, "--device", "cpu", "--json", "--filter", "price<50", "--filter", "size=M,L",
            "--filter", "color=White", "--sort", "price:desc", "--facet", "color", "--facet", "price");
        Assert.True(search.ExitCode == 0, search.ToString());
        using var json = JsonDocument.Parse(search.Output);
        var root = json.RootElement;
        Assert.Equal(["s1", "s5"], root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("product_id").GetString()));
        Assert.Equal(2, root.GetProperty("total_hits").GetInt32());
        // Colours without the colour filter: the M or L hoodies under 50 are s1 (White), s2 (Black), s5 (White).
        var colors = root.GetProperty("facets").GetProperty("color").EnumerateArray().Select(c => (c.GetProperty("value").GetString(), c.GetProperty("count").GetInt32()));
        Assert.Equal([("White", 2), ("Black", 1)], colors);
        var prices = root.GetProperty("facets").GetProperty("price").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("count").GetInt32());
        // Price bands without the price filter: the White M or L products are s1 (24.50) and s5 (15.00); s6 is Olive.
        Assert.Equal(2, prices["0-25"]);
        Assert.Equal(2, prices.Values.Sum());
    }

    [Theory]
    [InlineData("--filter", "rating", "Filter 'rating' has no operator")]
    [InlineData("--filter", "<4", "names no field")]
    [InlineData("--sort", "price:up", "write asc or desc")]
    public async Task A_filter_or_sort_that_cannot_be_read_is_one_line_and_exit_2(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync("search", "hoodie", "--index", _temp.File("none"), option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Schema_set_refuses_a_bad_file_and_a_type_change_without_rebuild_and_sets_flags()
    {
        var index = BuildIndex();
        var bad = _temp.File("bad.json");
        await File.WriteAllTextAsync(bad, """{"fields": {"size": {"type": "text"}}}""");
        var refusedFile = await CliRun.RunAsync("schema", "set", bad, "--index", index);
        Assert.Equal(2, refusedFile.ExitCode);

        var typeChange = _temp.File("number.json");
        await File.WriteAllTextAsync(typeChange, """{"fields": {"size": {"type": "number", "filterable": true}}}""");
        var refused = await CliRun.RunAsync("schema", "set", typeChange, "--index", index);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("changes the type of field 'size' (keyword → number); add --rebuild", Assert.Single(refused.ErrorLines));

        var searchable = _temp.File("searchable.json");
        await File.WriteAllTextAsync(searchable, """{"fields": {"material": {"type": "keyword", "filterable": true, "facetable": true, "searchable": true, "boost": 0.5}, "in_stock": {"type": "boolean", "filterable": true}}}""");
        var set = await CliRun.RunAsync("schema", "set", searchable, "--index", index);
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("material changed how it is indexed, so the lexical index was re-analysed", set.Output);
        var facet = await CliRun.RunAsync("search", "hoodie", "--index", index, "--device", "cpu", "--facet", "in_stock");
        Assert.Equal(2, facet.ExitCode);
        Assert.Contains("Field 'in_stock' (boolean) is not facetable in the index's schema", facet.Error);
    }

    public void Dispose() => _temp.Dispose();
}
