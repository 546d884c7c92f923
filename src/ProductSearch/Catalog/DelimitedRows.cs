using System.Text;

namespace ProductSearch.Catalog;

/// <summary>One row of a delimited file.</summary>
/// <param name="Line">The line it starts on (1-based).</param>
/// <param name="LastLine">The line it ends on: later than <paramref name="Line"/> only for a CSV row whose quoted field holds line breaks.</param>
/// <param name="Fields">Its fields, unquoted.</param>
/// <param name="Problem">Why the row breaks its format's rule (a quote inside an unquoted CSV field, a quote never closed), or <c>null</c>; such a row is to be reported, not read.</param>
public sealed record DelimitedRow(int Line, int LastLine, string[] Fields, string? Problem)
{
    /// <summary>Where the row is, for messages: <c>line 7</c>, or <c>lines 7–9</c> for a row over several lines.</summary>
    public string Where => LastLine > Line ? $"lines {Line}–{LastLine}" : $"line {Line}";
}

/// <summary>
/// The one reader of tab- and comma-separated files in the project (catalogs, judgments, triplets), with one rule
/// per format. TSV has no quoting: every line is a row and a quote is text, because catalog titles hold inch marks
/// (<c>12" pipe</c>). CSV follows RFC 4180: a field that starts with a quote ends at the next lone quote and may
/// hold separators, doubled quotes and line breaks; a quote anywhere else breaks the row. A broken row is handed
/// on with its <see cref="DelimitedRow.Problem"/> and the line span it covers, and the next row starts on the next
/// line — so a stray quote costs one reported row, never the rows after it. Every line is accounted for: each
/// belongs to exactly one row handed on, or is blank. A byte order mark is read; bytes that are not UTF-8 become U+FFFD.
/// </summary>
/// <remarks>
/// Written here rather than on Sep (which the evaluation still uses to write CSV): Sep parses quotes in TSV too, so a
/// title's inch mark swallowed the following rows, and on a malformed CSV row it neither says which lines the row
/// spanned nor resumes on the next line — the two things that let every input line be accounted for (issue 14).
/// </remarks>
public static class DelimitedRows
{
    /// <summary>Whether <paramref name="path"/> is read as CSV (by its extension); anything else is TSV.</summary>
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the rows of <paramref name="path"/> lazily, as CSV or TSV by its extension; blank lines are passed over.</summary>
    /// <exception cref="CatalogException">The file is missing or unreadable (thrown when enumeration starts).</exception>
    public static IEnumerable<DelimitedRow> Read(string path, CancellationToken cancellationToken)
    {
        using var text = new CheckedUtf8Reader(CatalogFiles.OpenRead(path, "File"), _ => { });
        foreach (var row in Read(text, IsCsv(path), cancellationToken)) yield return row;
    }

    /// <summary>Reads the rows of <paramref name="text"/> lazily; blank lines are passed over.</summary>
    /// <param name="text">The text; lines end at <c>\n</c> or <c>\r\n</c>.</param>
    /// <param name="csv">CSV (RFC 4180 quoting) rather than TSV (no quoting).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static IEnumerable<DelimitedRow> Read(TextReader text, bool csv, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var first = lineNumber;
            DelimitedRow row;
            if (!csv)
            {
                row = new DelimitedRow(first, first, line.Split('\t'), null);
            }
            else
            {
                var parser = new CsvRowParser(first);
                while (!parser.Feed(line) && text.ReadLine() is { } next)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    lineNumber++;
                    line = next;
                }
                row = parser.Finish(lineNumber);
            }
            if (row.Problem is null && row.Fields.All(string.IsNullOrWhiteSpace)) continue; // ",,," holds nothing
            yield return row;
        }
    }

    /// <summary>RFC 4180 over one row that may span several lines.</summary>
    private sealed class CsvRowParser(int firstLine)
    {
        private readonly List<string> _fields = [];
        private readonly StringBuilder _field = new();
        private bool _quoted;      // inside a quoted field
        private bool _wasQuoted;   // the current field was quoted and its closing quote has been read
        private int _quoteLine;
        private int _line = firstLine - 1;
        private string? _problem;

        /// <summary>Parses one more line; <c>true</c> when the row is complete, <c>false</c> when a quoted field goes on to the next line.</summary>
        public bool Feed(string line)
        {
            _line++;
            if (_quoted) _field.Append('\n'); // the line break belongs to the quoted field
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (_quoted)
                {
                    if (c != '"') _field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { _field.Append('"'); i++; }
                    else { _quoted = false; _wasQuoted = true; }
                }
                else if (c == ',')
                {
                    EndField();
                }
                else if (c == '"' && _field.Length == 0 && !_wasQuoted)
                {
                    _quoted = true;
                    _quoteLine = _line;
                }
                else
                {
                    if (c == '"') _problem ??= $"a quote inside an unquoted field (field {_fields.Count + 1})";
                    else if (_wasQuoted) _problem ??= $"text after the closing quote of field {_fields.Count + 1}";
                    _field.Append(c);
                }
            }
            return !_quoted;
        }

        /// <summary>The row, ending on <paramref name="lastLine"/>; a quote still open there (the end of the file) breaks it.</summary>
        public DelimitedRow Finish(int lastLine)
        {
            if (_quoted) _problem = $"a quote opened on line {_quoteLine} is never closed, so every line to the end of the file fell into one field";
            EndField();
            return new DelimitedRow(firstLine, lastLine, [.. _fields], _problem);
        }

        private void EndField()
        {
            _fields.Add(_field.ToString());
            _field.Clear();
            _wasQuoted = false;
        }
    }
}
