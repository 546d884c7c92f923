using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Fuzzing;

/// <summary>
/// Generated catalog files — JSON Lines, CSV, TSV and Parquet with broken structure, bytes that are not UTF-8, byte
/// order marks, huge and out-of-range values — read, and every few indexed into one index. The rules: reading ends
/// in products and a report that accounts for every record, or a <see cref="CatalogException"/>; an index run
/// commits a consistent index or is refused with the engine's own error, leaving the index as it was.
/// </summary>
public static partial class CatalogFuzz
{
    public const string Surface = "catalog";

    private static readonly string[] Formats = ["jsonl", "csv", "tsv", "parquet"];
    private static readonly string[] Columns =
        ["product_id", "product_title", "product_description", "product_bullet_point", "product_brand", "product_color", "product_locale", "price", "rating", "rating_count", "category", "image_url"];

    /// <summary>
    /// Runs until <paramref name="count"/> files are tried or <paramref name="until"/> passes, in <paramref name="folder"/>
    /// (scratch files and an index); every <paramref name="indexEvery"/>th file is also indexed with <paramref name="embedder"/>.
    /// </summary>
    public static void Run(string folder, ITextEmbedder embedder, string modelSource, Random random, FuzzReport report, int count, DateTime until, int indexEvery = 10)
    {
        Directory.CreateDirectory(folder);
        var index = Path.Combine(folder, "index");
        for (var i = 0; i < count && DateTime.UtcNow < until; i++)
        {
            var format = FuzzText.Pick(random, Formats);
            var path = Path.Combine(folder, $"catalog-{i % 4}.{format}");
            var description = Write(path, format, random);
            report.Tried1(Surface);
            if (Read(path) is { } readProblem) report.Found(Surface, description, readProblem);
            if (i % indexEvery == 0 && IndexOnce(path, index, embedder, modelSource) is { } indexProblem) report.Found(Surface, description, indexProblem);
        }
    }

    private static string? Read(string path)
    {
        try
        {
            var (products, catalog) = ReadAll(path).GetAwaiter().GetResult();
            if (!catalog.AccountsForEveryRecord || products != catalog.Accepted)
                return $"records unaccounted for: {catalog.LinesRead} read, {catalog.Accepted} accepted ({products} handed on), {catalog.Skipped} skipped, {catalog.OtherLocale} other locale";
            return null;
        }
        catch (CatalogException)
        {
            return null; // a file that cannot be a catalog at all, said in one line
        }
        catch (Exception ex)
        {
            return $"reading threw {ex.GetType().FullName}: {ex.Message}";
        }
    }

    private static async Task<(int Products, CatalogReadReport Report)> ReadAll(string path)
    {
        await using var reading = await CatalogReaders.OpenAsync(path);
        var count = 0;
        await foreach (var _ in reading.ReadAsync()) count++;
        return (count, reading.Report);
    }

    private static string? IndexOnce(string catalog, string index, ITextEmbedder embedder, string modelSource)
    {
        var before = Directory.Exists(index) ? FolderState.Capture(index) : null;
        try
        {
            new IndexBuilder(embedder, modelSource) { Mode = SyncMode.Upsert }.BuildAsync(catalog, index).GetAwaiter().GetResult();
            var verify = IndexVerifier.Verify(index);
            return verify.IsConsistent ? null : "an index run committed an inconsistent index: " + string.Join("; ", verify.Problems);
        }
        catch (ProductSearchException)
        {
            if (before is not null && FolderState.Difference(before, index) is { } changed) return "a refused index run changed the index: " + changed;
            return null;
        }
        catch (Exception ex)
        {
            return $"indexing threw {ex.GetType().FullName}: {ex.Message}";
        }
    }

    /// <summary>Writes a generated catalog to <paramref name="path"/>; returns a short description for findings.</summary>
    internal static string Write(string path, string format, Random random)
    {
        var rows = Enumerable.Range(0, random.Next(0, 30)).Select(_ => Record(random)).ToList();
        switch (format)
        {
            case "jsonl":
                File.WriteAllBytes(path, Damage(random, Encoding.UTF8.GetBytes(string.Join(Newline(random), rows.Select(r => JsonLine(random, r))))));
                break;
            case "parquet":
                WriteParquet(path, rows, random);
                break;
            default:
                var separator = format == "csv" ? "," : "\t";
                var header = Columns.Where(_ => random.Next(4) != 0).ToList();
                if (random.Next(10) == 0) header.Add(header.FirstOrDefault() ?? "product_id"); // a column named twice
                var lines = new List<string> { string.Join(separator, header) };
                lines.AddRange(rows.Select(r => string.Join(separator, header.Select(c => Cell(random, r.GetValueOrDefault(c) ?? "", format == "csv")))));
                File.WriteAllBytes(path, Damage(random, Encoding.UTF8.GetBytes(string.Join(Newline(random), lines))));
                break;
        }
        return $"{format}, {rows.Count} records, {new FileInfo(path).Length:N0} bytes";
    }

    private static Dictionary<string, string> Record(Random random)
    {
        var record = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (random.Next(5) == 0) continue;
            record[column] = column switch
            {
                "product_id" => random.Next(30) == 0 ? new string('i', random.Next(200, 3000)) : "p" + random.Next(50),
                "price" or "rating" or "rating_count" => FuzzText.Number(random),
                "category" => random.Next(2) == 0 ? "[\"Shoes\",\"Girls\"]" : FuzzText.Phrase(random, 3).Replace(' ', '|'),
                _ => FuzzText.Value(random),
            };
        }
        return record;
    }

    private static string JsonLine(Random random, Dictionary<string, string> record) => random.Next(12) switch
    {
        0 => "{\"product_id\": \"p1\", \"product_title\": ", // cut off
        1 => "[1, 2, 3]",
        2 => FuzzText.RandomChars(random, random.Next(1, 60)),
        3 => JsonObject(record, value => JsonNumber().IsMatch(value) ? value : JsonSerializer.Serialize(new[] { value })),
        _ => JsonObject(record, value => JsonNumber().IsMatch(value) && random.Next(2) == 0 ? value : JsonSerializer.Serialize(value)),
    };

    /// <summary>A JSON object whose values are written as <paramref name="raw"/> gives them: numbers such as 1e400 stay as written.</summary>
    private static string JsonObject(Dictionary<string, string> record, Func<string, string> raw) =>
        "{" + string.Join(",", record.Select(kv => JsonSerializer.Serialize(kv.Key) + ":" + raw(kv.Value))) + "}";

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();

    private static string Cell(Random random, string value, bool csv) => random.Next(8) switch
    {
        0 when csv => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        1 => value + "\"",
        2 => "\"" + value,
        3 => value + "\n" + value,
        _ => value,
    };

    private static string Newline(Random random) => random.Next(5) == 0 ? "\r\n" : "\n";

    /// <summary>Sometimes a byte order mark at a line's start, bytes that are not UTF-8, NULs, or a cut-off end.</summary>
    private static byte[] Damage(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        if (random.Next(4) == 0) list.InsertRange(0, Encoding.UTF8.Preamble.ToArray());
        for (var n = random.Next(3) == 0 ? random.Next(1, 6) : 0; n > 0 && list.Count > 0; n--)
            list.Insert(random.Next(list.Count), FuzzText.Pick(random, new byte[] { 0xFF, 0xC3, 0x80, 0x00, 0xEF, 0xBB, 0xBF, 0x0A, 0x22 }));
        if (random.Next(10) == 0 && list.Count > 1) list.RemoveRange(list.Count / 2, list.Count - list.Count / 2);
        return [.. list];
    }

    private static void WriteParquet(string path, List<Dictionary<string, string>> rows, Random random)
    {
        var columns = Columns.Take(7).Where(c => c is "product_id" or "product_title" || random.Next(3) != 0).ToArray();
        var groups = rows.Chunk(Math.Max(1, random.Next(1, 10))).ToArray();
        WriteParquetAsync(path, columns, groups).GetAwaiter().GetResult();
        if (random.Next(6) == 0) // a damaged file: cut off, or bytes inverted in its middle
        {
            var bytes = File.ReadAllBytes(path);
            if (random.Next(2) == 0) Array.Resize(ref bytes, random.Next(bytes.Length));
            else for (var i = bytes.Length / 3; i < Math.Min(bytes.Length, bytes.Length / 3 + 40); i++) bytes[i] ^= 0xFF;
            File.WriteAllBytes(path, bytes);
        }
    }

    private static async Task WriteParquetAsync(string path, string[] columns, Dictionary<string, string>[][] groups)
    {
        var fields = columns.Select(c => new DataField<string>(c, nullable: true)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        foreach (var group in groups)
        {
            using var groupWriter = writer.CreateRowGroup();
            foreach (var field in fields)
                await groupWriter.WriteAsync(field, group.Select(r => r.GetValueOrDefault(field.Name)).ToArray());
        }
    }
}
