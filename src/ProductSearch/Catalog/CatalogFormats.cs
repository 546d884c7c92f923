namespace ProductSearch.Catalog;

/// <summary>Names <see cref="CatalogFormat"/>s: from a file's extension or from what a user typed.</summary>
public static class CatalogFormats
{
    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "csv", "tsv", "parquet"];

    /// <summary>Parses a format name (<c>jsonl</c>, <c>ndjson</c>, <c>json</c>, <c>csv</c>, <c>tsv</c>, <c>parquet</c>; any case).</summary>
    /// <exception cref="ArgumentException">Not a format name; the message lists the names.</exception>
    public static CatalogFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "jsonl" or "ndjson" or "json" => CatalogFormat.Jsonl,
        "csv" => CatalogFormat.Csv,
        "tsv" => CatalogFormat.Tsv,
        "parquet" => CatalogFormat.Parquet,
        _ => throw new ArgumentException($"Unknown catalog format '{name}'; use one of: {string.Join(", ", Names)}."),
    };

    /// <summary>The format of <paramref name="path"/> by its extension, or <c>null</c> when the extension says nothing.</summary>
    public static CatalogFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => CatalogFormat.Jsonl,
        ".csv" => CatalogFormat.Csv,
        ".tsv" => CatalogFormat.Tsv,
        ".parquet" => CatalogFormat.Parquet,
        _ => null,
    };

    /// <summary>The format to read <paramref name="path"/> with: <paramref name="explicitFormat"/> if given, else its extension's.</summary>
    /// <exception cref="CatalogException">No format was given and the extension names none.</exception>
    public static CatalogFormat Resolve(string path, CatalogFormat? explicitFormat) =>
        explicitFormat ?? FromExtension(path) ?? throw new CatalogException(
            $"Catalog '{path}': cannot tell its format from the extension '{Path.GetExtension(path)}'; " +
            $"name it .jsonl, .csv, .tsv or .parquet, or give the format ({string.Join(", ", Names)}).");
}
