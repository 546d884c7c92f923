using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>A six-product index built once through the CLI, so a bad argument can be told apart from a missing index.</summary>
public sealed class CliIndexFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public CliIndexFixture()
    {
        var catalog = _temp.File("shop.csv");
        File.WriteAllText(catalog, "product_id,product_title\nk1,Stainless Steel Saucepan\nk2,Claw Hammer 16 oz\nk3,Copper Saucepan with Lid\n" +
            "k4,Rubber Hammer for Tiles\nk5,Stainless Steel Frying Pan\nk6,Copper Frying Pan\n");
        IndexPath = _temp.File("idx");
        var exit = CliApp.RunAsync(["index", catalog, "--index", IndexPath, "--device", "cpu"]).GetAwaiter().GetResult();
        if (exit != 0) throw new InvalidOperationException($"The fixture's index did not build (exit {exit}).");
    }

    public string IndexPath { get; }

    /// <summary>A copy of the fixture's index in <paramref name="folder"/>, for a test that changes it.</summary>
    internal string CopyIndex(TempFolder folder)
    {
        var copy = folder.File("idx");
        foreach (var file in Directory.GetFiles(IndexPath, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".lock", StringComparison.Ordinal)) continue;
            var target = Path.Combine(copy, Path.GetRelativePath(IndexPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>The command line's answers to bad input: one error line and exit code 2, before any model loads.</summary>
public sealed class CliExitCodeTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    private static Task<int> Run(params string[] args) => CliApp.RunAsync(args);

    [Fact]
    public async Task A_valid_search_of_the_fixture_s_index_exits_0() =>
        Assert.Equal(0, await Run("search", "hammer", "--index", fixture.IndexPath, "--device", "cpu"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_exits_2(string query) => Assert.Equal(2, await Run("search", query, "--index", fixture.IndexPath, "--device", "cpu"));

    [Fact]
    public async Task A_missing_catalog_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await Run("index", temp.File("missing.jsonl"), "--index", temp.File("idx")));
        Assert.False(Directory.Exists(temp.File("idx")));
    }

    [Fact]
    public async Task A_missing_index_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await Run("search", "shoes", "--index", temp.File("none"), "--device", "cpu"));
    }

    [Theory]
    [InlineData("search", "shoes", "--mode", "fuzzy")]
    [InlineData("search", "shoes", "--no-such-option")]
    [InlineData("search")]
    [InlineData("frobnicate")]
    public async Task A_command_line_that_does_not_parse_exits_2(params string[] args) => Assert.Equal(2, await Run(args));

    [Fact]
    public async Task An_unknown_device_exits_2() => Assert.Equal(2, await Run("search", "shoes", "--index", fixture.IndexPath, "--device", "tpu"));

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task K_out_of_range_exits_2(string k) => Assert.Equal(2, await Run("search", "shoes", "-k", k, "--index", fixture.IndexPath, "--device", "cpu"));

    [Theory]
    [InlineData("--map", "name=Title")]
    [InlineData("--map", "title=Missing")]
    [InlineData("--format", "xml")]
    [InlineData("--locale", " ")]
    public async Task Bad_catalog_options_exit_2_before_any_model_loads(string option, string value)
    {
        using var temp = new TempFolder();
        var catalog = temp.File("c.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title\n1,Shoe\n");
        Assert.Equal(2, await Run("index", catalog, "--index", temp.File("idx"), option, value));
        Assert.False(Directory.Exists(temp.File("idx")));
    }

    [Fact]
    public async Task An_index_from_an_older_analysis_exits_2_until_index_runs_once_more()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("shop.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title\nk1,E-Cloth Scrubbing Pads\nk2,Claw Hammer 16 oz\n");
        var index = temp.File("idx");
        Assert.Equal(0, await Run("index", catalog, "--index", index, "--device", "cpu"));
        var layout = new ProductSearch.Indexing.IndexLayout(index);
        layout.WriteManifest(layout.ReadManifest() with { LexicalAnalysis = null });

        Assert.Equal(2, await Run("search", "ecloth", "--index", index, "--device", "cpu"));
        Assert.Equal(0, await Run("index", catalog, "--index", index, "--device", "cpu"));
        Assert.Equal(0, await Run("search", "ecloth", "--index", index, "--device", "cpu"));
        Assert.Equal(ProductSearch.Lexical.ProductAnalyzer.Name, layout.ReadManifest().LexicalAnalysis);
    }

    [Fact]
    public async Task Vector_storage_f16_is_recorded_searched_and_changed_only_with_rebuild()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("shop.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title\nk1,Stainless Steel Saucepan\nk2,Claw Hammer 16 oz\n");
        var index = temp.File("idx");
        Assert.Equal(0, await Run("index", catalog, "--index", index, "--vector-storage", "f16", "--device", "cpu"));
        var layout = new ProductSearch.Indexing.IndexLayout(index);
        Assert.Equal("f16", layout.ReadManifest().Hnsw.Storage);
        Assert.Equal(0, await Run("search", "hammer", "--index", index, "--mode", "dense", "--device", "cpu"));

        Assert.Equal(2, await Run("index", catalog, "--index", index, "--vector-storage", "f32", "--device", "cpu"));
        Assert.Equal(2, await Run("index", catalog, "--index", index, "--vector-storage", "f8", "--device", "cpu"));
        Assert.Equal(0, await Run("index", catalog, "--index", index, "--vector-storage", "f32", "--rebuild", "--device", "cpu"));
        Assert.Equal("f32", layout.ReadManifest().Hnsw.Storage);
    }

    [Fact]
    public async Task A_csv_catalog_with_a_column_map_indexes()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("shop.csv");
        await File.WriteAllTextAsync(catalog, "SKU,Name,Maker\nk1,Stainless Steel Saucepan,Chefwell\nk2,Claw Hammer 16 oz,Forgeline\n");
        Assert.Equal(0, await Run("index", catalog, "--index", temp.File("idx"), "--map", "id=SKU,title=Name", "--map", "brand=Maker", "--device", "cpu"));
        Assert.Equal(2, new ProductSearch.Indexing.IndexLayout(temp.File("idx")).ReadManifest().ProductCount);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_exits_2()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("products.parquet");
        await File.WriteAllTextAsync(catalog, "<html>not found</html>");
        Assert.Equal(2, await Run("index", catalog, "--index", temp.File("idx")));
    }
}
