using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

public sealed class JsonlCatalogReaderTests
{
    [Fact]
    public void Reads_esci_columns_and_optional_commerce_fields()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.jsonl");
        File.WriteAllText(path, """
            {"product_id":"A1","product_title":"Girls' White Sneakers","product_brand":"Lumora","product_color":"White","product_bullet_point":"Canvas\nRubber sole","product_locale":"us","price":24.99,"rating":4.5,"rating_count":120,"category":["Shoes","Girls"],"image_url":""}
            """);
        var report = new CatalogReadReport { Path = path };
        var product = Assert.Single(JsonlCatalogReader.Read(path, report));
        Assert.Equal("A1", product.Id);
        Assert.Equal("Girls' White Sneakers", product.Title);
        Assert.Equal("Lumora", product.Brand);
        Assert.Equal("White", product.Color);
        Assert.Equal("Canvas\nRubber sole", product.BulletPoints);
        Assert.Equal(24.99m, product.Price);
        Assert.Equal(4.5, product.Rating);
        Assert.Equal(120, product.RatingCount);
        Assert.Equal(new[] { "Shoes", "Girls" }, product.Categories);
        Assert.Null(product.ImageUrl);
    }

    [Fact]
    public void Skips_bad_lines_counts_them_and_keeps_the_rest()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.jsonl");
        var lines = new List<string> { """{"product_id":"ok1","product_title":"Kitchen Towels"}""" };
        lines.AddRange(Enumerable.Range(0, 11).Select(i => "not json " + i));   // lines 2–12
        lines.Add("""{"product_id":"no-title","product_title":"   "}""");     // line 13
        lines.Add("""["an","array"]""");                                      // line 14
        lines.Add("");                                                        // blank: ignored, not counted
        lines.Add("""{"product_id":"ok2","product_title":"Tea Towels","price":"$7.50"}""");
        File.WriteAllLines(path, lines);

        var report = new CatalogReadReport { Path = path };
        var products = JsonlCatalogReader.Read(path, report).ToList();

        Assert.Equal(new[] { "ok1", "ok2" }, products.Select(p => p.Id));
        Assert.Equal(7.50m, products[1].Price);
        Assert.Equal(13, report.Skipped);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(Enumerable.Range(2, 10), report.SkippedLines);   // the first ten line numbers
        Assert.StartsWith("line 2: not JSON", report.FirstProblem);
    }

    [Fact]
    public void A_missing_catalog_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-catalog-" + Guid.NewGuid() + ".jsonl");
        var error = Assert.Throws<CatalogException>(() => JsonlCatalogReader.Read(path, new CatalogReadReport { Path = path }));
        Assert.Contains(path, error.Message);
    }
}
