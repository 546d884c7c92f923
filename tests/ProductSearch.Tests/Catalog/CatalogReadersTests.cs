using System.Text;
using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

public sealed class CatalogReadersTests
{
    [Theory]
    [InlineData("c.jsonl", CatalogFormat.Jsonl)]
    [InlineData("c.NDJSON", CatalogFormat.Jsonl)]
    [InlineData("c.json", CatalogFormat.Jsonl)]
    [InlineData("c.csv", CatalogFormat.Csv)]
    [InlineData("c.tsv", CatalogFormat.Tsv)]
    [InlineData("c.parquet", CatalogFormat.Parquet)]
    [InlineData("c.txt", null)]
    public void The_extension_names_the_format(string name, CatalogFormat? expected) =>
        Assert.Equal(expected, CatalogFormats.FromExtension(name));

    [Fact]
    public async Task An_explicit_format_overrides_the_extension()
    {
        using var temp = new TempFolder();
        var path = temp.File("export.txt");
        await File.WriteAllTextAsync(path, "product_id\tproduct_title\nA1\tShoe\n");
        Assert.Contains("cannot tell its format", (await Assert.ThrowsAsync<CatalogException>(() => ReadAll.From(path))).Message);

        var (products, _) = await ReadAll.From(path, new CatalogReadOptions { Format = CatalogFormats.Parse("TSV") });
        Assert.Equal("Shoe", Assert.Single(products).Title);
    }

    [Fact]
    public void An_unknown_format_name_lists_the_known_ones() =>
        Assert.Contains("jsonl, csv, tsv, parquet", Assert.Throws<ArgumentException>(() => CatalogFormats.Parse("xml")).Message);

    [Theory]
    [InlineData("missing.jsonl")]
    [InlineData("missing.csv")]
    [InlineData("missing.tsv")]
    [InlineData("missing.parquet")]
    [InlineData("missing.unknown")]
    public async Task A_missing_file_is_a_catalog_error_naming_it_in_every_format(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var error = await Assert.ThrowsAsync<CatalogException>(() => CatalogReaders.CheckAsync(path));
        Assert.Equal($"Catalog '{path}' does not exist.", error.Message);
    }

    [Fact]
    public async Task A_column_map_is_refused_for_jsonl_and_parquet()
    {
        using var temp = new TempFolder();
        var path = SmallCatalog.Write(temp.File("c.jsonl"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CatalogReaders.CheckAsync(path, new CatalogReadOptions { Columns = CatalogColumnMap.Parse("title=Name") }));
        Assert.Contains("CSV and TSV catalogs only", error.Message);
    }

    [Fact]
    public async Task Jsonl_reports_bytes_that_are_not_utf8_empty_titles_and_other_locales()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange("\uFEFF"u8.ToArray()); // a byte order mark is not content
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"product_id":"a","product_title":"Caf"""));
        bytes.AddRange(new byte[] { 0xC3, 0x28 }); // a broken two-byte sequence
        bytes.AddRange(Encoding.UTF8.GetBytes("\",\"product_locale\":\"us\"}\r\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"product_id":"b","product_title":"","product_locale":"us"}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"product_id":"c","product_title":"Zapato","product_locale":"es"}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"product_id":"d","product_title":"Boot""" + "\u00A0\",\"product_locale\":\"us\"}"));
        await File.WriteAllBytesAsync(path, bytes.ToArray());

        var (products, report) = await ReadAll.From(path, new CatalogReadOptions { Locale = "us" });

        Assert.Equal(new[] { "Caf\uFFFD(", "Boot" }, products.Select(p => p.Title));
        Assert.Equal(new[] { 1 }, report.InvalidUtf8Lines);
        Assert.Equal((1, 1, 1), (report.InvalidUtf8, report.EmptyTitles, report.OtherLocale));
        Assert.Equal(new[] { 2 }, report.SkippedLines);
    }

    [Fact]
    public void The_synchronous_jsonl_reader_reports_bad_bytes_too()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("""{"product_id":"a","product_title":"x"}""" + "\n"), .. Encoding.UTF8.GetBytes("""{"product_id":"b","product_title":"y"""), 0xFF, .. "\"}\n"u8.ToArray()]);
        var report = new CatalogReadReport { Path = path };
        Assert.Equal(2, JsonlCatalogReader.Read(path, report).Count());
        Assert.Equal(new[] { 2 }, report.InvalidUtf8Lines);
    }

    [Fact]
    public async Task A_reading_is_enumerated_once()
    {
        using var temp = new TempFolder();
        await using var reading = await CatalogReaders.OpenAsync(SmallCatalog.Write(temp.File("c.jsonl")));
        var count = 0;
        await foreach (var _ in reading.ReadAsync()) count++;
        Assert.Equal(SmallCatalog.Products.Length, count);
        Assert.Equal(reading.Length, reading.BytesRead);
        Assert.Throws<InvalidOperationException>(() => reading.ReadAsync());
    }
}
