using ProductSearch.Catalog;
namespace ProductSearch.Evaluation;

/// <summary>
/// Reads graded judgments in the ESCI examples layout as TSV or CSV with a header:
/// <c>query_id, query, product_id, product_locale, esci_label</c> (extra columns are ignored, order is free; the
/// official export's <c>split</c> and <c>small_version</c> columns are used by an <see cref="ExamplesFilter"/>).
/// An optional <c>gain</c> column (a number ≥ 0, as judgments from clicks write) grades each row for nDCG in place of
/// its label's ESCI gain (<see cref="QueryJudgments.Gains"/>); an empty gain falls back to the label. An optional
/// <c>unjudged</c> column says what a product the query does not judge counts as: <c>irrelevant</c> (the default, as in
/// ESCI) or <c>unknown</c> (judgments from clicks), which metrics then leave out (<see cref="QueryJudgments.Complete"/>).
/// Rows with a missing column, an unknown label or a bad gain are skipped and reported with their line numbers.
/// </summary>
public static class JudgmentsReader
{
    /// <summary>What reading met.</summary>
    /// <param name="Queries">Queries in order of first appearance.</param>
    /// <param name="SkippedLines">Line numbers of rows skipped, with the reason.</param>
    public sealed record Result(IReadOnlyList<QueryJudgments> Queries, IReadOnlyList<(int Line, string Reason)> SkippedLines);

    /// <summary>Reads <paramref name="path"/>; rows of another locale are left out when <paramref name="locale"/> is given.</summary>
    /// <exception cref="InvalidDataException">No header with the needed columns, or no valid row.</exception>
    public static Result Read(string path, string? locale = null) => Read(path, new ExamplesFilter { Locale = locale });

    /// <summary>Reads the rows of <paramref name="path"/> that <paramref name="filter"/> keeps.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">No header with the needed columns, or no valid row.</exception>
    public static Result Read(string path, ExamplesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!File.Exists(path)) throw new FileNotFoundException($"Judgments file '{path}' does not exist.", path);
        var builder = new JudgmentsBuilder();
        string[]? header = null;
        int queryId = 0, query = 0, product = 0, label = 0, gain = -1, unjudged = -1, locale = -1, split = -1, small = -1;
        foreach (var row in DelimitedRows.Read(path, cancellationToken))
        {
            var (line, fields) = (row.Line, row.Fields);
            if (row.Problem is not null)
            {
                if (header is null) throw new InvalidDataException($"Judgments file '{path}' has a header line that is not CSV ({row.Where}: {row.Problem}).");
                builder.Skip(line, row.Problem);
                continue;
            }
            if (header is null)
            {
                header = fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                int Column(string name, bool required = true)
                {
                    var index = Array.IndexOf(header, name);
                    return index >= 0 || !required ? index
                        : throw new InvalidDataException($"Judgments file '{path}' has no '{name}' column (header: {string.Join(", ", header)}).");
                }
                (queryId, query, product, label) = (Column("query_id"), Column("query"), Column("product_id"), Column("esci_label"));
                gain = Column("gain", required: false);
                unjudged = Column("unjudged", required: false);
                locale = Column("product_locale", required: false);
                split = Column("split", required: filter.Split is not null);
                small = Column("small_version", required: filter.SmallVersionOnly);
                continue;
            }
            string? Field(int column) => column >= 0 && column < fields.Length ? fields[column] : null;
            // A short row lacks the columns past its end: the row is reported, not read with holes.
            var firstMissing = new[] { queryId, query, product, label, gain, unjudged, locale, split, small }.Where(c => c >= fields.Length).DefaultIfEmpty(-1).Min();
            if (firstMissing >= 0)
            {
                builder.Skip(line, $"missing column '{header[firstMissing]}'");
                continue;
            }
            if (!filter.Keeps(Field(locale), Field(split), Field(small))) continue;
            builder.Add(line, Field(queryId), Field(query), Field(product), Field(label), Field(gain), Field(unjudged));
        }
        if (header is null) throw new InvalidDataException($"Judgments file '{path}' is empty.");
        return builder.Build(path);
    }
}
