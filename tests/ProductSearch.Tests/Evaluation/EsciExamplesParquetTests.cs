using Parquet;
using Parquet.Schema;
using ProductSearch.Evaluation;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Evaluation;

/// <summary>
/// The official ESCI examples parquet, on a small file written here with its schema (ids as int64, as in
/// shopping_queries_dataset_examples.parquet), in two row groups.
/// </summary>
public sealed class EsciExamplesParquetTests
{
    private static readonly ParquetSchema Schema = new(
        new DataField<long>("example_id"), new DataField<string>("query"), new DataField<long>("query_id"),
        new DataField<string>("product_id"), new DataField<string>("product_locale"), new DataField<string>("esci_label"),
        new DataField<long>("small_version"), new DataField<long>("large_version"), new DataField<string>("split"));

    private static readonly (long Example, string? Query, long QueryId, string? Product, string Locale, string? Label, long Small, string Split)[] Rows =
    [
        (1, "white shoes", 7, "B01", "us", "E", 1, "test"),
        (2, "white shoes", 7, "B02", "us", "S", 1, "test"),
        (3, "white shoes", 7, null, "us", "E", 1, "test"),     // row 3: no product id
        (4, "red hat", 8, "B03", "us", "I", 0, "test"),
        // second row group
        (5, "red hat", 8, "B04", "us", "E", 0, "test"),
        (6, "blue cap", 9, "B05", "us", "E", 1, "train"),
        (7, "zapatos", 10, "B06", "es", "E", 1, "test"),
        (8, "white shoes", 7, "B07", "us", "Q", 1, "test"),   // row 8: unknown label
    ];

    [Fact]
    public async Task Reads_the_official_columns_and_reports_bad_rows_by_number()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.File("examples.parquet"));
        var result = await ExamplesReader.ReadAsync(path, new ExamplesFilter { Locale = "us" });
        Assert.Equal(["7", "8", "9"], result.Queries.Select(q => q.QueryId));
        var shoes = result.Queries[0];
        Assert.Equal("white shoes", shoes.Query);
        Assert.Equal(new Dictionary<string, EsciLabel> { ["B01"] = EsciLabel.Exact, ["B02"] = EsciLabel.Substitute }, shoes.Labels);
        Assert.Equal([(3, "missing column 'product_id'"), (8, "unknown label 'Q'")], result.SkippedLines);
    }

    [Fact]
    public async Task Split_small_version_and_locale_filters_apply()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.File("examples.parquet"));
        var test = await ExamplesReader.ReadAsync(path, new ExamplesFilter { Locale = "us", Split = "test", SmallVersionOnly = true });
        Assert.Equal(["7"], test.Queries.Select(q => q.QueryId));
        var train = await ExamplesReader.ReadAsync(path, new ExamplesFilter { Split = "train" });
        Assert.Equal(["9"], train.Queries.Select(q => q.QueryId));
        var spanish = await ExamplesReader.ReadAsync(path, new ExamplesFilter { Locale = "es" });
        Assert.Equal(["zapatos"], spanish.Queries.Select(q => q.Query));
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_or_lacks_a_column_is_an_error()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("fake.parquet"), "query_id\tquery\n");
        await Assert.ThrowsAsync<InvalidDataException>(() => ExamplesReader.ReadAsync(temp.File("fake.parquet"), ExamplesFilter.None));

        var schema = new ParquetSchema(new DataField<string>("query"), new DataField<string>("product_id"));
        await using (var stream = File.Create(temp.File("narrow.parquet")))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(schema.DataFields[0], new[] { "shoes" });
            await group.WriteAsync(schema.DataFields[1], new[] { "B01" });
        }
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ExamplesReader.ReadAsync(temp.File("narrow.parquet"), ExamplesFilter.None));
        Assert.Contains("'query_id'", error.Message);
    }

    private static async Task<string> WriteAsync(string path)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream);
        foreach (var group in Rows.Chunk(4))
        {
            using var rows = writer.CreateRowGroup();
            var fields = Schema.DataFields;
            await rows.WriteAsync<long>(fields[0], group.Select(r => r.Example).ToArray());
            await rows.WriteAsync(fields[1], group.Select(r => r.Query).ToArray());
            await rows.WriteAsync<long>(fields[2], group.Select(r => r.QueryId).ToArray());
            await rows.WriteAsync(fields[3], group.Select(r => r.Product).ToArray());
            await rows.WriteAsync(fields[4], group.Select(r => r.Locale).ToArray());
            await rows.WriteAsync(fields[5], group.Select(r => r.Label).ToArray());
            await rows.WriteAsync<long>(fields[6], group.Select(r => r.Small).ToArray());
            await rows.WriteAsync<long>(fields[7], group.Select(_ => 1L).ToArray());
            await rows.WriteAsync(fields[8], group.Select(r => r.Split).ToArray());
        }
        return path;
    }
}
