using ProductSearch.Catalog;
using System.Text.Json;

namespace ProductSearch.Evaluation;

/// <summary>
/// Reads triplets in the esci-dev format: columns <c>query, pos, neg</c> (sentence-transformers' names
/// <c>anchor, positive, negative</c> are taken too). TSV with or without a header line (without one the columns are
/// taken in that order), CSV with a header, or JSON Lines objects with those keys; the format follows the extension
/// (<c>.csv</c>, <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c>, anything else TSV). A row with a missing or empty column
/// is skipped and reported with its line number; the rest is read, unless more rows are skipped than read: then the
/// file is refused as no triplets file (a product catalog given by mistake would otherwise score a few rows).
/// </summary>
public static class TripletReader
{
    private static readonly string[][] Names = [["query", "anchor"], ["pos", "positive"], ["neg", "negative"]];

    private const string Expected = "query, pos, neg (or anchor, positive, negative)";

    /// <summary>What reading met.</summary>
    /// <param name="Triplets">The valid rows, in file order.</param>
    /// <param name="SkippedLines">Line numbers of the rows skipped, with the reason.</param>
    public sealed record Result(IReadOnlyList<Triplet> Triplets, IReadOnlyList<(int Line, string Reason)> SkippedLines);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">
    /// A header lacks a column, a CSV file's first line names no triplet column, no row is valid, or more rows are
    /// skipped than valid.
    /// </exception>
    public static Result Read(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Triplets file '{path}' does not exist.", path);
        var triplets = new List<Triplet>();
        var skipped = new List<(int, string)>();
        if (IsJsonLines(path)) ReadJsonLines(path, triplets, skipped, cancellationToken);
        else ReadDelimited(path, triplets, skipped, cancellationToken);
        if (triplets.Count == 0)
        {
            var first = skipped.Count > 0 ? $"; line {skipped[0].Item1}: {skipped[0].Item2}" : "";
            throw new InvalidDataException($"Triplets file '{path}' has no valid row ({skipped.Count} skipped{first}).");
        }
        if (skipped.Count > triplets.Count)
            throw new InvalidDataException($"Triplets file '{path}' is mostly not triplets: {skipped.Count} rows skipped, {triplets.Count} read " +
                $"(line {skipped[0].Item1}: {skipped[0].Item2}). It needs the columns {Expected}.");
        return new Result(triplets, skipped);
    }

    private static bool IsJsonLines(string path) =>
        new[] { ".jsonl", ".ndjson", ".json" }.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static void ReadDelimited(string path, List<Triplet> triplets, List<(int, string)> skipped, CancellationToken cancellationToken)
    {
        int[]? columns = null;
        foreach (var row in DelimitedRows.Read(path, cancellationToken))
        {
            var (line, fields) = (row.Line, row.Fields);
            if (row.Problem is not null)
            {
                skipped.Add((line, row.Problem));
                continue;
            }
            if (columns is null)
            {
                var header = HeaderColumns(path, fields);
                // CSV always has a header; one that names no triplet columns is some other file (a product catalog).
                if (header is null && DelimitedRows.IsCsv(path))
                    throw new InvalidDataException($"Triplets file '{path}' has no triplet columns: its header ({string.Join(", ", fields.Select(f => f.Trim()))}) " +
                        $"lacks {string.Join(", ", Names.Where(names => !fields.Any(f => names.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase))).Select(names => $"'{names[0]}'"))}. It needs the columns {Expected}.");
                columns = header ?? [0, 1, 2];
                if (header is not null) continue; // the header line itself is no triplet
            }
            if (Cell(fields, columns, 0, out var query, out var missing) && Cell(fields, columns, 1, out var pos, out missing)
                && Cell(fields, columns, 2, out var neg, out missing))
                triplets.Add(new Triplet(query, pos, neg));
            else
                skipped.Add((line, $"missing column '{missing}'"));
        }
    }

    /// <summary>
    /// A first row naming at least two of the three columns is a header (so one lacking the third is reported as
    /// such); one that names fewer is data — a shopper may well have searched for "query".
    /// </summary>
    private static bool IsHeader(string[] fields) =>
        Names.Count(names => fields.Any(f => names.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase))) >= 2;

    /// <summary>The positions of query, pos and neg when the first row is a header; <c>null</c> when it is data.</summary>
    private static int[]? HeaderColumns(string path, string[] fields)
    {
        if (!IsHeader(fields)) return null;
        var columns = new int[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            columns[i] = Array.FindIndex(fields, f => Names[i].Contains(f.Trim(), StringComparer.OrdinalIgnoreCase));
            if (columns[i] < 0)
                throw new InvalidDataException($"Triplets file '{path}' has a header without a '{Names[i][0]}' column (header: {string.Join(", ", fields)}).");
        }
        return columns;
    }

    private static bool Cell(string[] fields, int[] columns, int which, out string value, out string missing)
    {
        value = columns[which] < fields.Length ? fields[columns[which]].Trim() : string.Empty;
        missing = Names[which][0];
        return value.Length > 0;
    }

    private static void ReadJsonLines(string path, List<Triplet> triplets, List<(int, string)> skipped, CancellationToken cancellationToken)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                skipped.Add((line, "not JSON"));
                continue;
            }
            var values = new string[Names.Length];
            string? missing = null;
            for (var i = 0; i < Names.Length && missing is null; i++)
            {
                values[i] = root.ValueKind == JsonValueKind.Object ? Property(root, Names[i]) : string.Empty;
                if (values[i].Length == 0) missing = Names[i][0];
            }
            if (missing is null) triplets.Add(new Triplet(values[0], values[1], values[2]));
            else skipped.Add((line, $"missing column '{missing}'"));
        }
    }

    private static string Property(JsonElement root, string[] names)
    {
        foreach (var name in names)
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                return value.GetString()!.Trim();
        return string.Empty;
    }
}
