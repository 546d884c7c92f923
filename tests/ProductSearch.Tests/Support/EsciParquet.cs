using Parquet;
using Parquet.Schema;
using ProductSearch.Catalog;

namespace ProductSearch.Tests.Support;

/// <summary>Writes Parquet files with the official ESCI products schema (seven optional text columns, as pandas writes them).</summary>
internal static class EsciParquet
{
    public static readonly string[] Columns =
        ["product_id", "product_title", "product_description", "product_bullet_point", "product_brand", "product_color", "product_locale"];

    /// <summary>One row per product, in <see cref="Columns"/> order.</summary>
    public static string?[] Row(Product p) => [p.Id, p.Title, p.Description, p.BulletPoints, p.Brand, p.Color, p.Locale];

    /// <summary>Writes <paramref name="rows"/> in row groups of <paramref name="rowGroupSize"/>, with the given columns only.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<string?[]> rows, int rowGroupSize = int.MaxValue, IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns;
        var fields = columns.Select(c => new DataField<string>(c, nullable: true)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        foreach (var group in rows.Chunk(Math.Max(1, rowGroupSize)))
        {
            using var groupWriter = writer.CreateRowGroup();
            foreach (var field in fields)
            {
                var index = Array.IndexOf(Columns, field.Name);
                await groupWriter.WriteAsync(field, group.Select(r => index >= 0 ? r[index] : "x").ToArray()!);
            }
        }
    }

    /// <summary>The shared ESCI sample's products, read with the JSON Lines reader.</summary>
    public static List<Product> SharedProducts() =>
        JsonlCatalogReader.Read(Path.Combine(SharedData.EsciDirectory, "products.jsonl"), new CatalogReadReport { Path = "products.jsonl" }).ToList();
}
