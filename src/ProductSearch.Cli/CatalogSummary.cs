using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>The lines after an index build that say what reading the catalog met, the same for every format.</summary>
internal static class CatalogSummary
{
    public static IEnumerable<string> Lines(IndexCommitReport report, CatalogReadOptions? options)
    {
        if (report.Catalog is not { } catalog) yield break;
        var records = catalog.Format == CatalogFormat.Parquet ? "rows" : "lines";
        if (report.DuplicateIds > 0)
            yield return $"{report.DuplicateIds} duplicate product ids: the last occurrence of each was kept.";
        if (catalog.Skipped > 0)
        {
            var titles = catalog.EmptyTitles > 0 ? $", {catalog.EmptyTitles} of them for an empty title" : "";
            yield return $"Skipped {catalog.Skipped} catalog {records}{titles} (first {Numbers(records)}: {string.Join(", ", catalog.SkippedLines)}); {catalog.FirstProblem}.";
        }
        foreach (var (field, values) in catalog.LeftOutValues)
            yield return $"Left out {values.Count} {field} values that cannot be used, keeping their records without them (first {Numbers(records)}: {string.Join(", ", values.Lines)}); {values.FirstProblem}.";
        if (catalog.InvalidUtf8 > 0)
            yield return $"{catalog.InvalidUtf8} catalog lines held bytes that are not UTF-8, read as U+FFFD (first line numbers: {string.Join(", ", catalog.InvalidUtf8Lines)}).";
        if (catalog.OtherLocale > 0)
            yield return $"Left out {catalog.OtherLocale} products of other locales (kept locale: {options?.Locale}).";
    }

    private static string Numbers(string records) => records == "rows" ? "row numbers" : "line numbers";
}
