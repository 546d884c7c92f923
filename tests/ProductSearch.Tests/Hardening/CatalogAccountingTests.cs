using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14, items 6, 7 and 9: every catalog row is accepted, or skipped and reported with its line; a value that
/// cannot be kept is reported per field and the record kept without it; one delimited-file reader with one rule per
/// format serves catalogs, judgments and triplets alike.
/// </summary>
public sealed class CatalogAccountingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private async Task<(List<Product> Products, CatalogReadReport Report)> Read(string name, string text)
    {
        var path = _temp.File(name);
        await File.WriteAllTextAsync(path, text);
        var result = await ReadAll.From(path);
        Assert.True(result.Report.AccountsForEveryRecord);
        return result;
    }

    [Fact]
    public async Task A_tsv_title_with_inch_marks_is_text_and_swallows_no_row()
    {
        var (products, report) = await Read("pipes.tsv",
            "product_id\tproduct_title\n1\t12\" pipe\n2\t3/4\" elbow\n3\t\"quoted\" valve\n4\t1\" tee\n");
        Assert.Equal(["12\" pipe", "3/4\" elbow", "\"quoted\" valve", "1\" tee"], products.Select(p => p.Title));
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public async Task A_csv_row_with_a_stray_quote_is_reported_and_the_rows_after_it_are_read()
    {
        var (products, report) = await Read("stray.csv",
            "product_id,product_title,price\n1,Good shoe,10\n2,12\" pipe,3\n3,\"Quoted, fine\",4\n4,Last,5\n");
        Assert.Equal(["1", "3", "4"], products.Select(p => p.Id));
        Assert.Equal((4, 1), (report.LinesRead, report.Skipped));
        Assert.Equal([3], report.SkippedLines);
        Assert.Contains("quote inside an unquoted field", report.FirstProblem);
    }

    [Fact]
    public async Task A_csv_quote_never_closed_is_reported_with_every_line_it_swallowed()
    {
        var (products, report) = await Read("open.csv", "product_id,product_title\n1,Fine\n2,\"Never closed\n3,Lost\n4,Lost too\n");
        Assert.Equal(["1"], products.Select(p => p.Id));
        Assert.Equal(1, report.Skipped);
        Assert.Contains("lines 3–5", report.FirstProblem);
    }

    [Fact]
    public async Task A_byte_order_mark_at_the_start_of_a_later_line_is_read_past()
    {
        var bom = "\uFEFF";
        var (json, _) = await Read("joined.jsonl", bom + """{"product_id":"a","product_title":"A"}""" + "\n" + bom + """{"product_id":"b","product_title":"B"}""" + "\n");
        Assert.Equal(["a", "b"], json.Select(p => p.Id));
        var (csv, _) = await Read("joined.csv", "product_id,product_title\na,A\n" + bom + "b,B\n");
        Assert.Equal(["a", "b"], csv.Select(p => p.Id));
    }

    [Fact]
    public async Task Values_out_of_range_are_reported_per_field_and_their_records_kept_without_them()
    {
        var (products, report) = await Read("values.jsonl", string.Join('\n',
            """{"product_id":"a","product_title":"A","price":1e400,"rating_count":1e30}""",
            """{"product_id":"b","product_title":"B","price":-4.5,"rating":7}""",
            """{"product_id":"c","product_title":"C","price":"cheap","rating_count":2.5}""",
            """{"product_id":"d","product_title":"D","price":"$1,299.00","rating":4.5,"rating_count":"12"}""") + "\n");
        Assert.Equal(4, products.Count);
        Assert.All(products.Take(3), p => Assert.Null(p.Price));
        Assert.Null(products[0].RatingCount);
        Assert.Equal((1299m, 4.5, 12), (products[3].Price!.Value, products[3].Rating!.Value, products[3].RatingCount!.Value));
        Assert.Equal([1, 2, 3], report.LeftOutValues["price"].Lines);
        Assert.Contains("1e400", report.LeftOutValues["price"].FirstProblem);
        Assert.Equal([1, 3], report.LeftOutValues["rating_count"].Lines);
        Assert.Equal([2], report.LeftOutValues["rating"].Lines);
    }

    [Theory]
    [InlineData("ids.jsonl")]
    [InlineData("ids.csv")]
    [InlineData("ids.tsv")]
    public async Task A_product_id_too_long_to_store_is_a_bad_record_and_the_rest_is_indexed(string name)
    {
        var longId = new string('x', 2000);
        var text = name.EndsWith(".jsonl", StringComparison.Ordinal)
            ? $$"""{"product_id":"{{longId}}","product_title":"Too long"}""" + "\n" + """{"product_id":"ok","product_title":"Fine lamp"}""" + "\n"
            : name.EndsWith(".csv", StringComparison.Ordinal)
                ? $"product_id,product_title\n{longId},Too long\nok,Fine lamp\n"
                : $"product_id\tproduct_title\n{longId}\tToo long\nok\tFine lamp\n";
        var catalog = _temp.File(name);
        await File.WriteAllTextAsync(catalog, text);

        var report = await new IndexBuilder(TinyIndex.Embedder, TinyIndex.ModelSource).BuildAsync(catalog, _temp.File("index-" + name));
        Assert.Equal(1, report.Manifest.ProductCount);
        Assert.Equal(1, report.Catalog!.Skipped);
        Assert.Contains("2,000 characters", report.Catalog.FirstProblem);
    }

    [Fact]
    public async Task A_filter_value_too_long_to_index_is_left_out_and_the_product_indexed()
    {
        var catalog = _temp.File("brand.jsonl");
        await File.WriteAllTextAsync(catalog, $$"""{"product_id":"a","product_title":"Lamp","product_brand":"{{new string('b', 40_000)}}"}""" + "\n");
        var report = await new IndexBuilder(TinyIndex.Embedder, TinyIndex.ModelSource).BuildAsync(catalog, _temp.File("index"));
        Assert.Equal(1, report.Manifest.ProductCount);
        Assert.Equal([1], report.Catalog!.LeftOutValues["product_brand"].Lines);
    }

    [Fact]
    public async Task A_json_string_with_half_a_surrogate_pair_is_a_reported_record_not_an_abort()
    {
        // Found by the 100,000-input fuzz run: GetString() throws on "\ud800", which ended the whole read.
        var (products, report) = await Read("halves.jsonl", """{"product_id":"a","product_title":"lamp \ud800"}""" + "\n" + """{"product_id":"b","product_title":"Mug"}""" + "\n");
        Assert.Equal(["b"], products.Select(p => p.Id));
        Assert.Equal([1], report.SkippedLines);
    }

    [Fact]
    public void Judgments_and_triplets_read_tsv_quotes_as_text_as_catalogs_do()
    {
        var judgments = _temp.File("judgments.tsv");
        File.WriteAllText(judgments, "query_id\tquery\tproduct_id\tesci_label\n1\t12\" pipe\tA\tE\n1\t12\" pipe\tB\tI\n");
        var read = ProductSearch.Evaluation.JudgmentsReader.Read(judgments);
        Assert.Equal("12\" pipe", Assert.Single(read.Queries).Query);
        Assert.Equal(2, read.Queries[0].Labels.Count);
    }

    public void Dispose() => _temp.Dispose();
}
