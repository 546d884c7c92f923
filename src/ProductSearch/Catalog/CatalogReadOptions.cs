namespace ProductSearch.Catalog;

/// <summary>How to read a catalog file.</summary>
public sealed record CatalogReadOptions
{
    /// <summary>The file format; <c>null</c> takes it from the extension (see <see cref="CatalogFormats.FromExtension"/>).</summary>
    public CatalogFormat? Format { get; init; }

    /// <summary>
    /// Which CSV or TSV columns hold which product field; <c>null</c> expects the ESCI column names. Only CSV and
    /// TSV take a map: JSON Lines and Parquet catalogs carry the ESCI names themselves.
    /// </summary>
    public CatalogColumnMap? Columns { get; init; }

    /// <summary>
    /// Keep only products whose locale (<c>product_locale</c>: <c>us</c>, <c>es</c>, <c>jp</c>) is this one, compared
    /// without case; <c>null</c> keeps every product. The others are counted in <see cref="CatalogReadReport.OtherLocale"/>.
    /// </summary>
    public string? Locale { get; init; }

    internal bool KeepsLocale(string? locale) =>
        Locale is null || string.Equals(locale?.Trim(), Locale.Trim(), StringComparison.OrdinalIgnoreCase);
}
