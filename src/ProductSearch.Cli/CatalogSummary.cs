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
            yield return $"{Counts.Of(report.DuplicateIds, "duplicate product id")}: the last occurrence of each was kept.";
        if (catalog.Skipped > 0)
        {
            var titles = catalog.EmptyTitles > 0 ? $", {catalog.EmptyTitles} of them for an empty title" : "";
            yield return $"Skipped {Counts.Of(catalog.Skipped, "catalog " + records[..^1])}{titles} (first {Numbers(records)}: {string.Join(", ", catalog.SkippedLines)}); {catalog.FirstProblem}.";
        }
        foreach (var (field, values) in catalog.LeftOutValues)
            yield return $"Left out {Counts.Of(values.Count, field + " value")} that cannot be used, keeping their records without them (first {Numbers(records)}: {string.Join(", ", values.Lines)}); {values.FirstProblem}.";
        if (catalog.InvalidUtf8 > 0)
            yield return $"{Counts.Of(catalog.InvalidUtf8, "catalog line")} held bytes that are not UTF-8, read as U+FFFD (first line numbers: {string.Join(", ", catalog.InvalidUtf8Lines)}).";
        if (catalog.OtherLocale > 0)
            yield return $"Left out {Counts.Of(catalog.OtherLocale, "product")} of other locales (kept locale: {options?.Locale}).";
    }

    private static string Numbers(string records) => records == "rows" ? "row numbers" : "line numbers";
}
