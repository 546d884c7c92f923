namespace ProductSearch.Catalog;

/// <summary>Opens a catalog file in any of the <see cref="CatalogFormat"/>s.</summary>
public static class CatalogReaders
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading and checks what can be checked before any product is read: that
    /// the file exists, its format, a CSV or TSV header against the column map, a Parquet file's schema.
    /// </summary>
    /// <exception cref="CatalogException">The file is missing or unreadable, its format unknown, or a needed column absent; the message names the file (and the column).</exception>
    /// <exception cref="ArgumentException">The options do not fit the format (a column map for a JSON Lines or Parquet catalog, a blank locale).</exception>
    public static async Task<CatalogReading> OpenAsync(string path, CatalogReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CatalogReadOptions();
        var length = CatalogFiles.EnsureReadable(path);
        var format = CatalogFormats.Resolve(path, options.Format);
        if (options.Columns is not null && format is not (CatalogFormat.Csv or CatalogFormat.Tsv))
            throw new ArgumentException($"A column map applies to CSV and TSV catalogs only; '{path}' is read as {format.ToString().ToLowerInvariant()} with the ESCI column names.");
        if (options.Locale is { } locale && string.IsNullOrWhiteSpace(locale))
            throw new ArgumentException("The locale to keep is blank; give one such as us, es or jp.");

        return format switch
        {
            CatalogFormat.Jsonl => new JsonlCatalogReading(path, options, length),
            CatalogFormat.Csv or CatalogFormat.Tsv => await DelimitedCatalogReading.OpenAsync(path, format, options, length, cancellationToken).ConfigureAwait(false),
            CatalogFormat.Parquet => await ParquetCatalogReading.OpenAsync(path, options, length, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(options), format, "Unknown catalog format."),
        };
    }

    /// <summary>Opens and closes <paramref name="path"/>: the up-front checks of <see cref="OpenAsync"/>, before costly work starts.</summary>
    /// <exception cref="CatalogException">As <see cref="OpenAsync"/>.</exception>
    /// <exception cref="ArgumentException">As <see cref="OpenAsync"/>.</exception>
    public static async Task CheckAsync(string path, CatalogReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reading = await OpenAsync(path, options, cancellationToken).ConfigureAwait(false);
        await reading.DisposeAsync().ConfigureAwait(false);
    }
}
