using nietras.SeparatedValues;

namespace ProductSearch.Catalog;

/// <summary>
/// The rows of a tab- or comma-separated file, each with the line it starts on, read by Sep. TSV has no quoting:
/// quotes are text, because ESCI titles hold inch marks (<c>12" pipe</c>). CSV follows RFC 4180 (quoted fields may
/// hold commas, doubled quotes and line breaks). Blank lines are passed over; a byte order mark is read.
/// </summary>
public static class DelimitedRows
{
    /// <summary>Whether <paramref name="path"/> is read as CSV (by its extension); anything else is TSV.</summary>
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the rows of <paramref name="path"/> lazily.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, CancellationToken cancellationToken)
    {
        var csv = IsCsv(path);
        var reader = Sep.New(csv ? ',' : '\t').Reader(o => o with
        {
            HasHeader = false, // headers are matched by the callers, which know their column names and aliases
            Unescape = csv,
            DisableQuotesParsing = !csv,
            DisableColCountCheck = true, // a short row is reported by the caller, not thrown
        }).FromFile(path);
        return ReadRows(reader, cancellationToken);
    }

    private static IEnumerable<(int Line, string[] Fields)> ReadRows(SepReader reader, CancellationToken cancellationToken)
    {
        using (reader)
        {
            foreach (var row in reader)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fields = new string[row.ColCount];
                var blank = true;
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                    blank &= string.IsNullOrWhiteSpace(fields[i]);
                }
                if (blank) continue;
                // Sep 0.17 numbers the first row's lines as if it began on line 2; it always begins on line 1.
                yield return (row.RowIndex == 0 ? 1 : row.LineNumberFrom, fields);
            }
        }
    }
}
