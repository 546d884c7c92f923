using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

/// <summary>Custom attributes as each text format reads them: JSONL's <c>attributes</c> object, CSV/TSV columns no field reads.</summary>
public sealed class AttributeReadingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private async Task<(Product[] Products, CatalogReadReport Report)> ReadAsync(string name, string? text)
    {
        var path = _temp.File(name);
        if (text is not null) await File.WriteAllTextAsync(path, text);
        await using var reading = await CatalogReaders.OpenAsync(path, new CatalogReadOptions());
        var products = new List<Product>();
        await foreach (var product in reading.ReadAsync()) products.Add(product);
        return (products.ToArray(), reading.Report);
    }

    [Fact]
    public async Task Jsonl_attributes_keep_their_json_types_and_bad_names_are_reported()
    {
        var (products, report) = await ReadAsync("c.jsonl",
            """{"product_id":"a","product_title":"Hoodie","attributes":{"Size":"M","in_stock":true,"weight_kg":1.2,"note":null,"brand":"x","tags":["a","b"]}}""" + "\n");
        var attributes = Assert.Single(products).Attributes;
        Assert.Equal(["in_stock", "size", "tags", "weight_kg"], attributes.Keys);
        Assert.Equal(AttributeValue.Of("M"), attributes["size"]);
        Assert.Equal(AttributeValue.Of(true), attributes["in_stock"]);
        Assert.Equal(AttributeValue.Of(1.2), attributes["weight_kg"]);
        Assert.Equal("""["a","b"]""", attributes["tags"].Keyword);
        Assert.Contains("built-in", report.LeftOutValues["brand"].FirstProblem);
    }

    [Fact]
    public async Task Csv_columns_no_field_reads_become_attributes_named_after_their_headers()
    {
        var (products, _) = await ReadAsync("c.csv", "product_id,product_title,price,Size,In stock,Weight (kg),Material\n" +
            "a,Hoodie,20,M,true,0.6,cotton\nb,Socks,5,,FALSE,0.1,\n");
        Assert.Equal(["in_stock", "material", "size", "weight_kg"], products[0].Attributes.Keys);
        Assert.Equal(AttributeValue.Of(0.6), products[0].Attributes["weight_kg"]);
        Assert.Equal(AttributeValue.Of(false), products[1].Attributes["in_stock"]);
        Assert.Equal(["in_stock", "weight_kg"], products[1].Attributes.Keys);
        Assert.Equal(20m, products[0].Price);
    }

    [Fact]
    public async Task Parquet_columns_of_text_numbers_and_booleans_become_typed_attributes()
    {
        var path = _temp.File("c.parquet");
        var id = new Parquet.Schema.DataField<string>("product_id", nullable: true);
        var title = new Parquet.Schema.DataField<string>("product_title", nullable: true);
        var size = new Parquet.Schema.DataField<string>("Size", nullable: true);
        var weight = new Parquet.Schema.DataField<double?>("weight_kg");
        var stock = new Parquet.Schema.DataField<bool>("in_stock", nullable: false);
        var count = new Parquet.Schema.DataField<long?>("pack_count");
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(id, title, size, weight, stock, count), stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(id, new[] { "a", "b" });
            await group.WriteAsync(title, new[] { "Hoodie", "Socks" });
            await group.WriteAsync(size, new string?[] { "M", null });
            await group.WriteAsync(weight, new ReadOnlyMemory<double?>([0.6, null]));
            await group.WriteAsync(stock, new ReadOnlyMemory<bool>([true, false]));
            await group.WriteAsync(count, new ReadOnlyMemory<long?>([null, 3]));
        }
        var (products, _) = await ReadAsync("c.parquet", null);
        Assert.Equal(["in_stock", "size", "weight_kg"], products[0].Attributes.Keys);
        Assert.Equal((AttributeValue.Of("M"), AttributeValue.Of(0.6), AttributeValue.Of(true)), (products[0].Attributes["size"], products[0].Attributes["weight_kg"], products[0].Attributes["in_stock"]));
        Assert.Equal(["in_stock", "pack_count"], products[1].Attributes.Keys);
        Assert.Equal(AttributeValue.Of(3.0), products[1].Attributes["pack_count"]);
    }

    [Fact]
    public void The_content_fingerprint_sees_attributes_but_not_their_order_and_is_unchanged_without_them()
    {
        var plain = new Product { Id = "a", Title = "Hoodie" };
        var one = plain with { Attributes = new Dictionary<string, AttributeValue> { ["size"] = AttributeValue.Of("M"), ["fit"] = AttributeValue.Of("slim") } };
        var other = plain with { Attributes = new Dictionary<string, AttributeValue> { ["fit"] = AttributeValue.Of("slim"), ["size"] = AttributeValue.Of("M") } };
        Assert.Equal(ProductFingerprint.OfContent(one), ProductFingerprint.OfContent(other));
        Assert.NotEqual(ProductFingerprint.OfContent(plain), ProductFingerprint.OfContent(one));
        Assert.NotEqual(ProductFingerprint.OfContent(one), ProductFingerprint.OfContent(one with { Attributes = new Dictionary<string, AttributeValue> { ["size"] = AttributeValue.Of(1.0), ["fit"] = AttributeValue.Of("slim") } }));
        Assert.Equal(ProductFingerprint.OfEmbeddedText(plain), ProductFingerprint.OfEmbeddedText(one));
    }

    public void Dispose() => _temp.Dispose();
}
