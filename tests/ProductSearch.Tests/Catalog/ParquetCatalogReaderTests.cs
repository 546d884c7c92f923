using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

/// <summary>The Parquet reader on files written here with the official ESCI products schema.</summary>
public sealed class ParquetCatalogReaderTests
{
    private static readonly string?[][] OtherLocales =
    [
        ["B0ES000001", "Zapatillas blancas para niña", "", "Lona\nSuela de goma", "Lumora", "Blanco", "es"],
        ["B0JP000001", "女の子用の白いスニーカー", null, null, "Lumora", "白", "jp"],
        ["B0ES000002", "Funda de teléfono", null, null, null, null, "es"],
    ];

    [SkippableFact]
    public async Task Reads_the_shared_esci_products_row_group_by_row_group_and_filters_by_locale()
    {
        var expected = EsciParquet.SharedProducts();
        using var temp = new TempFolder();
        var path = temp.File("shopping_queries_dataset_products.parquet");
        // Other locales mixed in: a whole es/jp row group (skipped unread under a filter) and single rows among us rows.
        var rows = expected.Select(EsciParquet.Row).ToList();
        rows.InsertRange(0, OtherLocales);
        rows.Insert(2000, OtherLocales[1]);
        await EsciParquet.WriteAsync(path, rows, rowGroupSize: 1000);

        var (all, allReport) = await ReadAll.From(path);
        Assert.Equal(expected.Count + 4, all.Count);
        Assert.Equal(expected.Count + 4, allReport.LinesRead);

        var (us, report) = await ReadAll.From(path, new CatalogReadOptions { Locale = "us" });
        Assert.Equal(expected.Count, us.Count);
        Assert.Equal(4, report.OtherLocale);
        Assert.Equal(0, report.Skipped);
        for (var i = 0; i < expected.Count; i++)
        {
            // The Parquet file has no commerce columns: everything else must match the JSON Lines reading.
            Assert.Equal(expected[i] with { Price = null, Rating = null, RatingCount = null, Categories = us[i].Categories, ImageUrl = null }, us[i]);
        }

        var (jp, _) = await ReadAll.From(path, new CatalogReadOptions { Locale = "JP" });
        Assert.Equal(new[] { "B0JP000001", "B0JP000001" }, jp.Select(p => p.Id));
        Assert.Equal("女の子用の白いスニーカー", jp[0].Title);
    }

    [Fact]
    public async Task Rows_without_an_id_or_title_are_skipped_and_numbered_across_row_groups()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        string?[][] rows =
        [
            ["a", "Shoe", null, null, null, null, "us"],
            ["b", null, null, null, null, null, "us"],     // row 2: no title
            ["c", "Boot", null, null, null, null, "us"],
            [null, "Nameless", null, null, null, null, "us"], // row 4: no id
            ["e", "  ", null, null, null, null, "us"],     // row 5: blank title
        ];
        await EsciParquet.WriteAsync(path, rows, rowGroupSize: 2);

        var (products, report) = await ReadAll.From(path);

        Assert.Equal(new[] { "a", "c" }, products.Select(p => p.Id));
        Assert.Equal(new[] { 2, 4, 5 }, report.SkippedLines);
        Assert.Equal(2, report.EmptyTitles);
    }

    [Fact]
    public async Task Optional_columns_may_be_absent()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await EsciParquet.WriteAsync(path, [["a", "Shoe", null, null, null, null, null]], columns: ["product_title", "product_id"]);
        var product = Assert.Single((await ReadAll.From(path)).Products);
        Assert.Equal(("a", "Shoe", (string?)null), (product.Id, product.Title, product.Brand));
    }

    [Fact]
    public async Task A_file_without_product_title_is_an_error_naming_the_file_and_the_column()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await EsciParquet.WriteAsync(path, [["a", "Shoe", null, null, null, null, "us"]], columns: ["product_id", "product_locale"]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("no column 'product_title'", error.Message);
    }

    [Fact]
    public async Task A_locale_filter_needs_the_locale_column()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await EsciParquet.WriteAsync(path, [["a", "Shoe", null, null, null, null, null]], columns: ["product_id", "product_title"]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path, new CatalogReadOptions { Locale = "us" }));
        Assert.Contains("no column 'product_locale'", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await File.WriteAllTextAsync(path, "product_id,product_title\n1,Shoe\n");
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a Parquet file", error.Message);
        Assert.Contains("PAR1", error.Message);
    }

    [Fact]
    public async Task A_git_lfs_pointer_is_recognised()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await File.WriteAllTextAsync(path, "version https://git-lfs.github.com/spec/v1\noid sha256:2512\nsize 1108857465\n");
        Assert.Contains("Git LFS pointer", (await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path))).Message);
    }

    [Fact]
    public async Task A_cut_off_file_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.parquet");
        await EsciParquet.WriteAsync(path, [["a", "Shoe", null, null, null, null, "us"]]);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("cut short", error.Message);
    }
}
