using System.Text;
using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

public sealed class DelimitedCatalogReaderTests
{
    private const string EsciHeader = "product_id,product_title,product_description,product_bullet_point,product_brand,product_color,product_locale,price,rating,rating_count,category,image_url";

    [Fact]
    public async Task Reads_esci_columns_with_quotes_separators_and_line_breaks_inside_fields()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.csv");
        await File.WriteAllTextAsync(path,
            EsciHeader + "\r\n" +
            "A1,\"Girls' White Sneakers, Size 3\",\"Says \"\"hello\"\"\",\"Canvas\nRubber sole\",Lumora,White,us,$24.99,4.5,120,Shoes|Girls,http://x/a.jpg\r\n" +
            "B2,Tea Towels,,,,,us,,,,\"[\"\"Kitchen\"\",\"\"Linen\"\"]\",\n");

        var (products, report) = await ReadAll.From(path);

        Assert.Equal(2, products.Count);
        var shoe = products[0];
        Assert.Equal(("A1", "Girls' White Sneakers, Size 3", "Says \"hello\""), (shoe.Id, shoe.Title, shoe.Description));
        Assert.Equal("Canvas\nRubber sole", shoe.BulletPoints);
        Assert.Equal(("Lumora", "White", "us"), (shoe.Brand, shoe.Color, shoe.Locale));
        Assert.Equal((24.99m, 4.5, 120), (shoe.Price, shoe.Rating, shoe.RatingCount));
        Assert.Equal(new[] { "Shoes", "Girls" }, shoe.Categories);
        Assert.Equal("http://x/a.jpg", shoe.ImageUrl);
        var towels = products[1];
        Assert.Equal(new[] { "Kitchen", "Linen" }, towels.Categories);
        Assert.Null(towels.Description);
        Assert.Null(towels.Price);
        Assert.Equal((2, 2, 0), (report.LinesRead, report.Accepted, report.Skipped));
    }

    [Fact]
    public async Task A_tsv_splits_on_every_tab_and_reads_quotes_as_text()
    {
        // TSV has no quoting (issue 14, item 7): a quote is text, so a tab can never sit inside a field.
        using var temp = new TempFolder();
        var path = temp.File("c.tsv");
        await File.WriteAllTextAsync(path, "product_id\tproduct_title\tproduct_brand\nA1\tPhone Case, Clear\t7Edge\nA2\t\"Tab\tinside\"\t\nA3\t\"Quoted\"\t\n");
        var (products, report) = await ReadAll.From(path);
        Assert.Equal(new[] { ("A1", "Phone Case, Clear", "7Edge"), ("A3", "\"Quoted\"", (string?)null) }, products.Select(p => (p.Id, p.Title, p.Brand)));
        Assert.Equal([3], report.SkippedLines);
    }

    [Fact]
    public async Task A_column_map_names_other_columns_and_unmapped_fields_keep_esci_names()
    {
        using var temp = new TempFolder();
        var path = temp.File("shop.csv");
        await File.WriteAllTextAsync(path, "SKU,Name,Maker,product_color,Cost\nk1,Saucepan 2 qt,Chefwell,Silver,19.50\n");
        var options = new CatalogReadOptions { Columns = CatalogColumnMap.Parse("id=SKU, title=Name,brand=Maker,price=Cost") };

        var (products, _) = await ReadAll.From(path, options);

        var product = Assert.Single(products);
        Assert.Equal(("k1", "Saucepan 2 qt", "Chefwell", "Silver", 19.50m), (product.Id, product.Title, product.Brand, product.Color, product.Price));
    }

    [Fact]
    public async Task A_mapped_column_missing_from_the_header_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("shop.csv");
        await File.WriteAllTextAsync(path, "product_id,Name\n1,x\n");
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path, new CatalogReadOptions { Columns = CatalogColumnMap.Parse("title=Name,brand=Maker") }));
        Assert.Contains("'Maker'", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("product_id, Name", error.Message);
    }

    [Fact]
    public async Task Without_a_map_the_esci_id_and_title_columns_are_required()
    {
        using var temp = new TempFolder();
        var path = temp.File("shop.csv");
        await File.WriteAllTextAsync(path, "id,title\n1,x\n");
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path));
        Assert.Contains("no column 'product_id'", error.Message);
    }

    [Theory]
    [InlineData("name=Title", "Unknown column map key 'name'")]
    [InlineData("title", "is not key=Column")]
    [InlineData("title=A,title=B", "given twice")]
    public void A_bad_map_is_an_error_naming_the_entry(string spec, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => CatalogColumnMap.Parse(spec)).Message);

    [Fact]
    public async Task Rows_with_the_wrong_field_count_or_no_title_are_skipped_and_numbered_by_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.csv");
        await File.WriteAllTextAsync(path, string.Join("\n",
            "product_id,product_title,product_brand",   // line 1
            "a,\"Two-line\ntitle\",x",                  // lines 2–3
            "b,too,many,fields",                        // line 4
            "c,,brand only",                            // line 5: empty title
            "d,   ,blank title",                        // line 6
            ",No id,x",                                 // line 7
            "e,Fine,y") + "\n");

        var (products, report) = await ReadAll.From(path);

        Assert.Equal(new[] { "a", "e" }, products.Select(p => p.Id));
        Assert.Equal("Two-line\ntitle", products[0].Title);
        Assert.Equal(new[] { 4, 5, 6, 7 }, report.SkippedLines);
        Assert.Equal((4, 2), (report.Skipped, report.EmptyTitles));
        Assert.StartsWith("line 4: 4 fields where the header has 3", report.FirstProblem);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_replaced_and_their_lines_reported()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.csv");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("product_id,product_title\n"));
        for (var i = 0; i < 12; i++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"p{i},Caf"));
            if (i % 2 == 0) bytes.Add(0xE9); // Latin-1 "é": not UTF-8
            else bytes.AddRange("é"u8.ToArray());
            bytes.Add((byte)'\n');
        }
        await File.WriteAllBytesAsync(path, bytes.ToArray());

        var (products, report) = await ReadAll.From(path);

        Assert.Equal(12, products.Count);
        Assert.Equal("Caf\uFFFD", products[0].Title);
        Assert.Equal("Café", products[1].Title);
        Assert.Equal(6, report.InvalidUtf8);
        Assert.Equal(new[] { 2, 4, 6, 8, 10, 12 }, report.InvalidUtf8Lines);
    }

    [Fact]
    public async Task A_locale_keeps_only_its_products_and_needs_the_locale_column()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.csv");
        await File.WriteAllTextAsync(path, "product_id,product_title,product_locale\n1,Shoe,us\n2,Zapato,es\n3,Boot,US\n");
        var (products, report) = await ReadAll.From(path, new CatalogReadOptions { Locale = "us" });
        Assert.Equal(new[] { "1", "3" }, products.Select(p => p.Id));
        Assert.Equal(1, report.OtherLocale);

        var bare = temp.File("bare.csv");
        await File.WriteAllTextAsync(bare, "product_id,product_title\n1,Shoe\n");
        var error = await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(bare, new CatalogReadOptions { Locale = "us" }));
        Assert.Contains("'product_locale'", error.Message);
    }

    [Fact]
    public async Task An_empty_file_is_an_error_asking_for_a_header()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.csv");
        await File.WriteAllTextAsync(path, "");
        Assert.Contains("header", (await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path))).Message);
    }
}
