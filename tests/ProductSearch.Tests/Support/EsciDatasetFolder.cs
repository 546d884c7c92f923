using Parquet;
using Parquet.Schema;
using ProductSearch.Catalog;

namespace ProductSearch.Tests.Support;

/// <summary>Small stand-ins for the three published ESCI files, with their real names, columns and types.</summary>
internal static class EsciDatasetFolder
{
    public static async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        await EsciParquet.WriteAsync(Path.Combine(directory, EsciDatasetFiles.Products.Name),
        [
            ["B07CXG6C9W", "Kindle Paperwhite", null, "Waterproof", "Amazon", "Black", "us"],
            ["B0ES000001", "Zapatillas blancas", null, null, "Lumora", "Blanco", "es"],
        ]);
        await WriteExamplesAsync(Path.Combine(directory, EsciDatasetFiles.Examples.Name));
        await File.WriteAllTextAsync(Path.Combine(directory, EsciDatasetFiles.Sources.Name), "query_id,source\n0,other\n1,negations\n2,behavioral\n");
    }

    private static async Task WriteExamplesAsync(string path)
    {
        var longs = new[] { "example_id", "query_id", "small_version", "large_version" };
        var fields = EsciDatasetFiles.Examples.Columns
            .Select(c => longs.Contains(c) ? (DataField)new DataField<long>(c) : new DataField<string>(c, nullable: true)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        foreach (var field in fields)
        {
            if (field.ClrType == typeof(long)) await group.WriteAsync<long>(field, new long[] { 0, 1 });
            else await group.WriteAsync(field, new[] { "girls white shoes", "girls white shoes" });
        }
    }
}
