using ProductSearch.Catalog;
using ProductSearch.Cli;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>Index builds from every catalog format: duplicates, huge fields and locales, as the store and the CLI summary see them.</summary>
public sealed class CatalogFormatIndexTests
{
    private static Task<IndexCommitReport> Build(string catalog, string index, CatalogReadOptions? options = null) =>
        new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, index, options);

    private static async Task<string> WriteCatalog(TempFolder temp, CatalogFormat format, IReadOnlyList<(string Id, string Title, string Locale)> rows)
    {
        switch (format)
        {
            case CatalogFormat.Jsonl:
                var jsonl = temp.File("c.jsonl");
                await File.WriteAllLinesAsync(jsonl, rows.Select(r => System.Text.Json.JsonSerializer.Serialize(
                    new Dictionary<string, string> { ["product_id"] = r.Id, ["product_title"] = r.Title, ["product_locale"] = r.Locale })));
                return jsonl;
            case CatalogFormat.Csv:
                var csv = temp.File("c.csv");
                await File.WriteAllLinesAsync(csv, ["product_id,product_title,product_locale", .. rows.Select(r => $"{r.Id},\"{r.Title}\",{r.Locale}")]);
                return csv;
            default:
                var parquet = temp.File("c.parquet");
                await EsciParquet.WriteAsync(parquet, rows.Select(r => new string?[] { r.Id, r.Title, null, null, null, null, r.Locale }).ToList(), rowGroupSize: 2);
                return parquet;
        }
    }

    [Theory]
    [InlineData(CatalogFormat.Jsonl)]
    [InlineData(CatalogFormat.Csv)]
    [InlineData(CatalogFormat.Parquet)]
    public async Task Duplicate_ids_keep_the_last_product_and_the_summary_says_so_in_every_format(CatalogFormat format)
    {
        using var temp = new TempFolder();
        var catalog = await WriteCatalog(temp, format,
        [
            ("a", "Girls White Sneakers", "us"), ("b", "Tea Towels", "us"), ("a", "Girls White Canvas Sneakers", "us"),
            ("c", "Zapatillas", "es"), ("d", "", "us"), ("b", "Flour Sack Tea Towels", "us"),
        ]);

        var report = await Build(catalog, temp.File("index"), new CatalogReadOptions { Locale = "us" });

        Assert.Equal(2, report.DuplicateIds);
        Assert.Equal(2, report.Manifest.ProductCount);
        using (var store = ProductStore.OpenReadOnly(new IndexLayout(report.IndexPath).ProductStorePath(report.Manifest.Generation)))
        {
            Assert.Equal("Girls White Canvas Sneakers", store.Get(store.KeyOf("a")!.Value)!.Title);
            Assert.Equal("Flour Sack Tea Towels", store.Get(store.KeyOf("b")!.Value)!.Title);
        }
        var summary = CatalogSummary.Lines(report, new CatalogReadOptions { Locale = "us" }).ToList();
        Assert.Contains("2 duplicate product ids: the last occurrence of each was kept.", summary);
        Assert.Contains(summary, l => l.StartsWith("Skipped 1 catalog", StringComparison.Ordinal) && l.Contains("1 of them for an empty title"));
        Assert.Contains("Left out 1 product of other locales (kept locale: us).", summary);
    }

    [Fact]
    public async Task A_one_megabyte_bullet_field_is_stored_whole()
    {
        using var temp = new TempFolder();
        var bullets = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => $"Bullet {i:D5}: soft cotton, machine wash, {new string('x', 30)}"));
        Assert.True(bullets.Length > 1_000_000);
        var catalog = temp.File("c.csv");
        await File.WriteAllTextAsync(catalog, $"product_id,product_title,product_bullet_point\nhuge,Cotton Tea Towels,\"{bullets}\"\nsmall,Linen Napkins,plain\n");

        var report = await Build(catalog, temp.File("index"));

        Assert.Equal(2, report.Manifest.ProductCount);
        using var store = ProductStore.OpenReadOnly(new IndexLayout(report.IndexPath).ProductStorePath(report.Manifest.Generation));
        Assert.Equal(bullets, store.Get(store.KeyOf("huge")!.Value)!.BulletPoints);
    }

    [Fact]
    public async Task A_locale_that_matches_nothing_says_how_many_were_left_out()
    {
        using var temp = new TempFolder();
        var catalog = await WriteCatalog(temp, CatalogFormat.Parquet, [("a", "Shoe", "us"), ("b", "Boot", "us")]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => Build(catalog, temp.File("index"), new CatalogReadOptions { Locale = "jp" }));
        Assert.Contains("2 of other locales left out", error.Message);
    }
}
