namespace ProductSearch.Catalog;

/// <summary>What reading a catalog met: lines accepted and lines skipped, with the first line numbers of each problem.</summary>
public sealed class CatalogReadReport
{
    /// <summary>How many line numbers are kept per report.</summary>
    public const int MaxLinesKept = 10;

    private readonly List<int> _skippedLines = [];

    /// <summary>The catalog file.</summary>
    public required string Path { get; init; }

    /// <summary>Non-empty lines read.</summary>
    public int LinesRead { get; internal set; }

    /// <summary>Products accepted.</summary>
    public int Accepted { get; internal set; }

    /// <summary>Lines skipped (not JSON, or no id or title).</summary>
    public int Skipped { get; internal set; }

    /// <summary>The first <see cref="MaxLinesKept"/> skipped line numbers (1-based).</summary>
    public IReadOnlyList<int> SkippedLines => _skippedLines;

    /// <summary>The reason for the first skipped line.</summary>
    public string? FirstProblem { get; private set; }

    internal void Skip(int lineNumber, string reason)
    {
        Skipped++;
        FirstProblem ??= $"line {lineNumber}: {reason}";
        if (_skippedLines.Count < MaxLinesKept) _skippedLines.Add(lineNumber);
    }
}
