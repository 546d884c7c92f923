namespace ProductSearch.Evaluation;

/// <summary>Where an evaluation's inputs came from, for its report.</summary>
public sealed record RetrievalRunInfo
{
    /// <summary>The examples (judgments) file.</summary>
    public required string Examples { get; init; }

    /// <summary>The rows of it that were kept.</summary>
    public ExamplesFilter Filter { get; init; } = ExamplesFilter.None;

    /// <summary>How the judged queries were changed before searching.</summary>
    public QueryVariant Variant { get; init; } = QueryVariant.Clean;

    /// <summary>Rows of the examples file skipped, with their line (or parquet row) number and why.</summary>
    public IReadOnlyList<(int Line, string Reason)> SkippedRows { get; init; } = [];

    /// <summary>"line" for TSV and CSV, "row" for parquet.</summary>
    public string SkippedRowUnit { get; init; } = "line";

    /// <summary>The index searched, or a note that a temporary one was built.</summary>
    public required string Index { get; init; }

    /// <summary>The catalog a temporary index was built from, if one was.</summary>
    public string? Catalog { get; init; }

    /// <summary>The embedding model of the index.</summary>
    public required string Model { get; init; }

    /// <summary>Products in the index.</summary>
    public required long Products { get; init; }

    /// <summary>When the evaluation ran.</summary>
    public DateTimeOffset Date { get; init; } = DateTimeOffset.UtcNow;
}
