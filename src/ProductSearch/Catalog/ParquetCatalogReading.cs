using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace ProductSearch.Catalog;

/// <summary>
/// The official ESCI products file (<c>shopping_queries_dataset_products.parquet</c>) or any Parquet file with its
/// text columns: <c>product_id</c> and <c>product_title</c> required; <c>product_description</c>,
/// <c>product_bullet_point</c>, <c>product_brand</c>, <c>product_color</c>, <c>product_locale</c> when present; every
/// other column of text, numbers or booleans is a custom attribute (<see cref="Product.Attributes"/>).
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
    private readonly DataField[] _attributes;
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
        _attributes = AttributeColumns(reader);
    }

    private static readonly HashSet<string> ProductColumns = new(StringComparer.Ordinal)
    {
        "product_id", "product_title", "product_description", "product_bullet_point", "product_brand", "product_color", "product_locale",
    };

    /// <summary>
    /// Every other top-level column of text, numbers or booleans is a custom attribute, named after its header
    /// (<see cref="AttributeNames.FromColumn"/>); lists, maps and structs are not.
    /// </summary>
    private static DataField[] AttributeColumns(ParquetReader reader) => reader.Schema.Fields
        .OfType<DataField>()
        .Where(f => !ProductColumns.Contains(f.Name) && !f.IsArray && IsAttributeType(f.ClrType))
        .ToArray();

    private static bool IsAttributeType(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(bool) || type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(decimal);

    /// <summary>A cell as an attribute value: text as a keyword, a number as a number, a boolean as a boolean; <c>null</c> when empty.</summary>
    private static AttributeValue? AttributeOf(Type type, object? cell) => cell switch
    {
        null => null,
        string text => string.IsNullOrWhiteSpace(text) ? null : AttributeValue.Of(text),
        bool flag => AttributeValue.Of(flag),
        _ when type != typeof(string) && Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture) is var number && double.IsFinite(number) => AttributeValue.Of(number),
        _ => null,
    };

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
                locales,
                await ReadAttributesAsync(group, cancellationToken).ConfigureAwait(false)));
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
            Attributes = columns.Attributes
                .Select(a => (a.Name, Value: AttributeOf(Nullable.GetUnderlyingType(a.Values.GetType().GetElementType()!) ?? a.Values.GetType().GetElementType()!, a.Values.GetValue(row))))
                .Where(a => a.Value is not null).Select(a => (a.Name, a.Value!)).ToArray(),
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

    private async Task<(string Name, Array Values)[]> ReadAttributesAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        var columns = new (string, Array)[_attributes.Length];
        for (var i = 0; i < _attributes.Length; i++)
        {
            var field = _attributes[i];
            columns[i] = (AttributeNames.FromColumn(field.Name), await ReadColumnAsync(group, field, checked((int)group.RowCount), cancellationToken).ConfigureAwait(false));
        }
        return columns;
    }

    /// <summary>One attribute column of one row group, in its own type (a nullable column of numbers or booleans as T?).</summary>
    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return (await ReadAsync(group, field, count, cancellationToken).ConfigureAwait(false))!;
        if (type == typeof(bool)) return await ReadValuesAsync<bool>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(double)) return await ReadValuesAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(float)) return await ReadValuesAsync<float>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(int)) return await ReadValuesAsync<int>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(long)) return await ReadValuesAsync<long>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(short)) return await ReadValuesAsync<short>(group, field, count, cancellationToken).ConfigureAwait(false);
        return await ReadValuesAsync<decimal>(group, field, count, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Array> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return nullable;
        }
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    public override async ValueTask DisposeAsync() => await _reader.DisposeAsync().ConfigureAwait(false);

    private sealed record RowGroupColumns(
        string?[]? Ids, string?[]? Titles, string?[]? Descriptions, string?[]? Bullets, string?[]? Brands, string?[]? Colors, string?[]? Locales,
        (string Name, Array Values)[] Attributes);
}
