namespace ProductSearch.Catalog;

/// <summary>
/// What reading a catalog met: records accepted and records skipped, with the first line numbers of each problem.
/// A record is a line of JSON Lines, a row of CSV or TSV (numbered by the line it starts on) or a row of Parquet
/// (numbered from 1 across the whole file).
/// </summary>
public sealed class CatalogReadReport
{
    /// <summary>How many line numbers are kept per report.</summary>
    public const int MaxLinesKept = 10;

    private readonly List<int> _skippedLines = [];
    private readonly List<int> _invalidUtf8Lines = [];

    /// <summary>The catalog file.</summary>
    public required string Path { get; init; }

    /// <summary>The format it was read as, when known.</summary>
    public CatalogFormat? Format { get; init; }

    /// <summary>Non-empty lines (or rows) read, those of other locales included.</summary>
    public int LinesRead { get; internal set; }

    /// <summary>Products accepted.</summary>
    public int Accepted { get; internal set; }

    /// <summary>Records skipped (not JSON, a wrong number of fields, no id or no title).</summary>
    public int Skipped { get; internal set; }

    /// <summary>The first <see cref="MaxLinesKept"/> skipped line numbers (1-based).</summary>
    public IReadOnlyList<int> SkippedLines => _skippedLines;

    /// <summary>The reason for the first skipped line.</summary>
    public string? FirstProblem { get; private set; }

    /// <summary>Of the <see cref="Skipped"/> records, those skipped because their title was missing or blank.</summary>
    public int EmptyTitles { get; private set; }

    /// <summary>Records left out because their locale was not the one asked for (<see cref="CatalogReadOptions.Locale"/>).</summary>
    public int OtherLocale { get; internal set; }

    /// <summary>
    /// Lines holding bytes that are not UTF-8. They are still read, each bad byte sequence replaced by U+FFFD; the
    /// count says how much text was damaged on the way in.
    /// </summary>
    public int InvalidUtf8 { get; private set; }

    /// <summary>The first <see cref="MaxLinesKept"/> line numbers (1-based) counted in <see cref="InvalidUtf8"/>.</summary>
    public IReadOnlyList<int> InvalidUtf8Lines => _invalidUtf8Lines;

    private readonly SortedDictionary<string, LeftOutValues> _leftOut = new(StringComparer.Ordinal);

    /// <summary>
    /// Values that could not be kept — not a number, out of range, too long to filter on — by field (the catalog's
    /// name for it). Each record is kept without the value; the values are never coerced into something else.
    /// </summary>
    public IReadOnlyDictionary<string, LeftOutValues> LeftOutValues => _leftOut;

    /// <summary>
    /// Whether every record read is accounted for: accepted, skipped (and reported) or left out for its locale. A
    /// reader checks it at the end; were it ever false, a record would have vanished unreported.
    /// </summary>
    public bool AccountsForEveryRecord => LinesRead == Accepted + Skipped + OtherLocale;

    internal void LeaveOut(int lineNumber, string field, string reason)
    {
        if (!_leftOut.TryGetValue(field, out var values)) _leftOut[field] = values = new LeftOutValues($"line {lineNumber}: {reason}");
        values.Add(lineNumber);
    }

    internal void Skip(int lineNumber, string reason)
    {
        Skipped++;
        FirstProblem ??= $"line {lineNumber}: {reason}";
        if (_skippedLines.Count < MaxLinesKept) _skippedLines.Add(lineNumber);
    }

    internal void SkipEmptyTitle(int lineNumber, string column)
    {
        EmptyTitles++;
        Skip(lineNumber, "no " + column);
    }

    internal void InvalidUtf8Line(int lineNumber)
    {
        InvalidUtf8++;
        if (_invalidUtf8Lines.Count < MaxLinesKept) _invalidUtf8Lines.Add(lineNumber);
    }
}

/// <summary>The values of one field left out of the records that held them (<see cref="CatalogReadReport.LeftOutValues"/>).</summary>
public sealed class LeftOutValues
{
    private readonly List<int> _lines = [];

    internal LeftOutValues(string firstProblem) => FirstProblem = firstProblem;

    /// <summary>How many values were left out.</summary>
    public int Count { get; private set; }

    /// <summary>The first <see cref="CatalogReadReport.MaxLinesKept"/> line numbers (row numbers for Parquet).</summary>
    public IReadOnlyList<int> Lines => _lines;

    /// <summary>The first one, with its line and why it was left out.</summary>
    public string FirstProblem { get; }

    internal void Add(int lineNumber)
    {
        Count++;
        if (_lines.Count < CatalogReadReport.MaxLinesKept) _lines.Add(lineNumber);
    }
}
