namespace ProductSearch.Evaluation;

/// <summary>
/// Reads graded judgments in the ESCI examples layout as TSV or CSV with a header:
/// <c>query_id, query, product_id, product_locale, esci_label</c> (extra columns are ignored, order is free).
/// Rows with a missing column or an unknown label are skipped and reported with their line numbers.
/// </summary>
public static class JudgmentsReader
{
    /// <summary>What reading met.</summary>
    /// <param name="Queries">Queries in order of first appearance.</param>
    /// <param name="SkippedLines">Line numbers of rows skipped, with the reason.</param>
    public sealed record Result(IReadOnlyList<QueryJudgments> Queries, IReadOnlyList<(int Line, string Reason)> SkippedLines);

    /// <summary>Reads <paramref name="path"/>; rows of another locale are left out when <paramref name="locale"/> is given.</summary>
    /// <exception cref="InvalidDataException">No header with the needed columns, or no valid row.</exception>
    public static Result Read(string path, string? locale = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Judgments file '{path}' does not exist.", path);
        var separator = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : '\t';
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(separator).Select(h => h.Trim().ToLowerInvariant()).ToArray()
            ?? throw new InvalidDataException($"Judgments file '{path}' is empty.");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidDataException($"Judgments file '{path}' has no '{name}' column (header: {string.Join(", ", header)}).");
        var (queryId, query, product, label) = (Column("query_id"), Column("query"), Column("product_id"), Column("esci_label"));
        var localeColumn = Array.IndexOf(header, "product_locale");

        var order = new List<string>();
        var byQuery = new Dictionary<string, (string Text, Dictionary<string, EsciLabel> Labels)>(StringComparer.Ordinal);
        var skipped = new List<(int, string)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(separator);
            if (fields.Length <= Math.Max(Math.Max(queryId, query), Math.Max(product, label)))
            {
                skipped.Add((lineNumber, "missing column"));
                continue;
            }
            if (locale is not null && localeColumn >= 0 && !string.Equals(fields[localeColumn].Trim(), locale, StringComparison.OrdinalIgnoreCase)) continue;
            if (!EsciLabels.TryParse(fields[label], out var parsed))
            {
                skipped.Add((lineNumber, $"unknown label '{fields[label]}'"));
                continue;
            }
            var id = fields[queryId].Trim();
            if (id.Length == 0 || fields[product].Trim().Length == 0)
            {
                skipped.Add((lineNumber, "empty query_id or product_id"));
                continue;
            }
            if (!byQuery.TryGetValue(id, out var entry))
            {
                entry = (fields[query].Trim(), new Dictionary<string, EsciLabel>(StringComparer.Ordinal));
                byQuery[id] = entry;
                order.Add(id);
            }
            entry.Labels[fields[product].Trim()] = parsed;
        }
        if (order.Count == 0) throw new InvalidDataException($"Judgments file '{path}' has no valid row ({skipped.Count} skipped).");
        return new Result(order.Select(id => new QueryJudgments(id, byQuery[id].Text, byQuery[id].Labels)).ToArray(), skipped);
    }
}
