namespace ProductSearch.Catalog;

/// <summary>
/// The files of Amazon's Shopping Queries Dataset (ESCI; Reddy et al. 2022, Apache-2.0) as its publisher serves
/// them from the amazon-science/esci-data GitHub repository (folder <c>shopping_queries_dataset</c>), and the checks
/// that tell a complete, usable copy from a cut-off download, an error page or a Git LFS pointer.
/// </summary>
public static class EsciDatasetFiles
{
    // The two Parquet files are stored with Git LFS: raw.githubusercontent.com serves a 133-byte pointer for them,
    // media.githubusercontent.com the data. The CSV is an ordinary file.
    private const string LfsBase = "https://media.githubusercontent.com/media/amazon-science/esci-data/main/shopping_queries_dataset/";
    private const string RawBase = "https://raw.githubusercontent.com/amazon-science/esci-data/main/shopping_queries_dataset/";
    private const string Label = "ESCI file";

    /// <summary>The products: <c>product_id</c>, <c>product_title</c>, … for the us, es and jp locales (about 1.1 GB).</summary>
    public static EsciDatasetFile Products { get; } = new("shopping_queries_dataset_products.parquet",
        new Uri(LfsBase + "shopping_queries_dataset_products.parquet"),
        ["product_id", "product_title", "product_description", "product_bullet_point", "product_brand", "product_color", "product_locale"],
        1_108_857_465, "25124442d064d64b26f74082d6fa09438d679efc0c183cf28d19064a2b65a265");

    /// <summary>The judged (query, product) pairs with their E/S/C/I labels (about 51 MB).</summary>
    public static EsciDatasetFile Examples { get; } = new("shopping_queries_dataset_examples.parquet",
        new Uri(LfsBase + "shopping_queries_dataset_examples.parquet"),
        ["example_id", "query", "query_id", "product_id", "product_locale", "esci_label", "small_version", "large_version", "split"],
        51_286_808, "4a735b693b4a424a6fc67f5be6e4c811495c488bbf66d02a602d308b2744263a");

    /// <summary>Where each query came from (<c>query_id,source</c>).</summary>
    public static EsciDatasetFile Sources { get; } = new("shopping_queries_dataset_sources.csv",
        new Uri(RawBase + "shopping_queries_dataset_sources.csv"), ["query_id", "source"]);

    /// <summary>All three files.</summary>
    public static IReadOnlyList<EsciDatasetFile> All { get; } = [Products, Examples, Sources];

    /// <summary>Checks every file of <see cref="All"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="CatalogException">A file is missing or fails its check; the message names it.</exception>
    public static async Task<IReadOnlyList<EsciFileCheck>> VerifyAsync(string directory, CancellationToken cancellationToken = default)
    {
        var checks = new List<EsciFileCheck>();
        foreach (var file in All)
            checks.Add(await VerifyFileAsync(Path.Combine(directory, file.Name), file, cancellationToken).ConfigureAwait(false));
        return checks;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> holds <paramref name="file"/>: for Parquet, the magic bytes <c>PAR1</c> at
    /// both ends, the expected columns and at least one row; for the CSV, the expected header and at least one row.
    /// </summary>
    /// <exception cref="CatalogException">It is missing or fails; the message names the file and what is wrong.</exception>
    public static Task<EsciFileCheck> VerifyFileAsync(string path, EsciDatasetFile file, CancellationToken cancellationToken = default) =>
        file.IsParquet ? VerifyParquetAsync(path, file, cancellationToken) : VerifyCsvAsync(path, file, cancellationToken);

    private static async Task<EsciFileCheck> VerifyParquetAsync(string path, EsciDatasetFile file, CancellationToken cancellationToken)
    {
        var reader = await ParquetFiles.OpenAsync(path, Label, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            foreach (var column in file.Columns) ParquetFiles.RequireColumn(reader, path, Label, column);
            var rows = ParquetFiles.RowCount(reader);
            if (rows == 0) throw new CatalogException($"{Label} '{path}' has no rows.");
            return new EsciFileCheck(path, rows);
        }
    }

    private static async Task<EsciFileCheck> VerifyCsvAsync(string path, EsciDatasetFile file, CancellationToken cancellationToken)
    {
        var expected = string.Join(",", file.Columns);
        using var reader = new CheckedUtf8Reader(CatalogFiles.OpenRead(path, Label), _ => { });
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header != expected)
        {
            var found = header is null ? "it is empty" : $"its first line is \"{(header.Length > 80 ? header[..80] + "…" : header)}\"";
            throw new CatalogException($"{Label} '{path}' does not start with the header \"{expected}\": {found}.");
        }
        long rows = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line)) rows++;
        }
        if (rows == 0) throw new CatalogException($"{Label} '{path}' has a header but no rows.");
        return new EsciFileCheck(path, rows);
    }
}
