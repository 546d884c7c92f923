namespace ProductSearch.Evaluation;

/// <summary>
/// Reads ESCI judgments from the official parquet export (<c>.parquet</c>) or from TSV/CSV with the same column
/// names, keeping the rows a filter keeps.
/// </summary>
public static class ExamplesReader
{
    /// <summary>Reads <paramref name="path"/> by its extension.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">A needed column is missing, or no row is valid.</exception>
    public static Task<JudgmentsReader.Result> ReadAsync(string path, ExamplesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsParquet(path)
            ? EsciExamplesParquetReader.ReadAsync(path, filter, cancellationToken)
            : Task.Run(() => JudgmentsReader.Read(path, filter, cancellationToken), cancellationToken);
    }

    /// <summary>Whether <paramref name="path"/> is read as parquet; its skipped rows are then counted by row, not line.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
