using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace ProductSearch.Catalog;

/// <summary>
/// The official ESCI products file (<c>shopping_queries_dataset_products.parquet</c>) or any Parquet file with its
/// text columns: <c>product_id</c> and <c>product_title</c> required; <c>product_description</c>,
/// <c>product_bullet_point</c>, <c>product_brand</c>, <c>product_color</c>, <c>product_locale</c> when present.
/// </summary>
/// <remarks>
/// Parquet stores columns per row group, so a row group is the smallest unit that can be read: this reads one row
/// group at a time, only the columns above, and holds no more than that group's columns in memory. With a locale
/// to keep, the locale column is read first and a row group without a matching row is passed over unread.
/// Rows are numbered from 1 across the whole file.
/// </remarks>
internal sealed class ParquetCatalogReading : CatalogReading
{
    private const string Label = "Catalog";
    private readonly ParquetReader _reader;
    private readonly DataField _id;
    private readonly DataField _title;
    private readonly DataField? _description;
    private readonly DataField? _bullets;
    private readonly DataField? _brand;
    private readonly DataField? _color;
    private readonly DataField? _locale;
    private readonly long _totalRows;
    private long _rowsDone;

    private ParquetCatalogReading(string path, CatalogReadOptions options, long length, ParquetReader reader)
        : base(path, CatalogFormat.Parquet, options, length)
    {
        _reader = reader;
        _id = ParquetFiles.RequireText(reader, path, Label, "product_id");
        _title = ParquetFiles.RequireText(reader, path, Label, "product_title");
        _description = ParquetFiles.FindText(reader, path, Label, "product_description");
        _bullets = ParquetFiles.FindText(reader, path, Label, "product_bullet_point");
        _brand = ParquetFiles.FindText(reader, path, Label, "product_brand");
        _color = ParquetFiles.FindText(reader, path, Label, "product_color");
        _locale = options.Locale is null
            ? ParquetFiles.FindText(reader, path, Label, "product_locale")
            : ParquetFiles.RequireText(reader, path, Label, "product_locale");
        _totalRows = ParquetFiles.RowCount(reader);
    }

    public override long BytesRead => _totalRows == 0 ? 0 : (long)((double)Interlocked.Read(ref _rowsDone) / _totalRows * Length);

    public static async Task<CatalogReading> OpenAsync(string path, CatalogReadOptions options, long length, CancellationToken cancellationToken)
    {
        var reader = await ParquetFiles.OpenAsync(path, Label, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ParquetCatalogReading(path, options, length, reader);
        }
        catch (Exception ex) when (ex is not (CatalogException or OperationCanceledException or OutOfMemoryException))
        {
            // A damaged footer can parse and still hold a schema Parquet.Net cannot decode.
            await reader.DisposeAsync().ConfigureAwait(false);
            throw new CatalogException($"{Label} '{path}' is not a readable Parquet file: its schema cannot be decoded ({ex.Message}).", ex);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override async IAsyncEnumerable<Product> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long firstRow = 0;
        for (var g = 0; g < _reader.RowGroupCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (count, columns) = await ReadGroupAsync(g, cancellationToken).ConfigureAwait(false);
            Report.LinesRead += count;
            if (columns is null)
            {
                Report.OtherLocale += count; // nothing wanted here: the other columns stay unread
            }
            else
            {
                for (var row = 0; row < count; row++)
                {
                    if (ToProduct(columns, row, firstRow + row + 1) is { } product && Accept(product)) yield return product;
                    Interlocked.Increment(ref _rowsDone);
                }
            }
            firstRow += count;
            Interlocked.Exchange(ref _rowsDone, firstRow);
        }
    }

    /// <summary>
    /// One row group's row count and columns; no columns when no row has the locale to keep. A row group that cannot
    /// be decoded (a damaged file: Parquet.Net then throws whatever its decoders hit) is a <see cref="CatalogException"/>
    /// naming it: the catalog is refused whole rather than read with rows missing.
    /// </summary>
    private async Task<(int Count, RowGroupColumns? Columns)> ReadGroupAsync(int g, CancellationToken cancellationToken)
    {
        try
        {
            var group = _reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var locales = await ReadAsync(group, _locale, count, cancellationToken).ConfigureAwait(false);
            if (Options.Locale is not null && !locales!.Any(Options.KeepsLocale)) return (count, null);
            return (count, new RowGroupColumns(
                await ReadAsync(group, _id, count, cancellationToken).ConfigureAwait(false),
                await ReadAsync(group, _title, count, cancellationToken).ConfigureAwait(false),
                await ReadAsync(group, _description, count, cancellationToken).ConfigureAwait(false),
                await ReadAsync(group, _bullets, count, cancellationToken).ConfigureAwait(false),
                await ReadAsync(group, _brand, count, cancellationToken).ConfigureAwait(false),
                await ReadAsync(group, _color, count, cancellationToken).ConfigureAwait(false),
                locales));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException or CatalogException))
        {
            throw new CatalogException($"Catalog '{Path}' is damaged: row group {g + 1} of {_reader.RowGroupCount} cannot be read ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private Product? ToProduct(RowGroupColumns columns, int row, long rowNumber)
    {
        var line = (int)Math.Min(rowNumber, int.MaxValue);
        return new CatalogRecord
        {
            Id = columns.Ids![row],
            Title = columns.Titles![row],
            Description = Cell(columns.Descriptions, row),
            BulletPoints = Cell(columns.Bullets, row),
            Brand = Cell(columns.Brands, row),
            Color = Cell(columns.Colors, row),
            Locale = Cell(columns.Locales, row),
        }.ToProduct(line, Report, CatalogColumnMap.Esci.ColumnFor);
    }

    private static string? Cell(string?[]? column, int row) => column is null ? null : CatalogValues.Text(column[row]);

    /// <summary>One column of one row group as strings (a missing value is <c>null</c>); <c>null</c> for a column the file lacks.</summary>
    private static async Task<string?[]?> ReadAsync(ParquetRowGroupReader group, DataField? field, int count, CancellationToken cancellationToken)
    {
        if (field is null) return null;
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    public override async ValueTask DisposeAsync() => await _reader.DisposeAsync().ConfigureAwait(false);

    private sealed record RowGroupColumns(
        string?[]? Ids, string?[]? Titles, string?[]? Descriptions, string?[]? Bullets, string?[]? Brands, string?[]? Colors, string?[]? Locales);
}
