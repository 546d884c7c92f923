using System.Runtime.CompilerServices;

namespace ProductSearch.Catalog;

/// <summary>
/// A CSV or TSV catalog with a header line, read by <see cref="DelimitedRows"/> (CSV: RFC 4180 quoting; TSV: none,
/// quotes are text). A <see cref="CatalogColumnMap"/> says which column holds which field. A row that breaks its
/// format's quoting, or whose field count differs from the header's, is skipped and reported with the lines it
/// covers; so is a row that cannot be a product (<see cref="CatalogRecord"/>).
/// </summary>
internal sealed class DelimitedCatalogReading : CatalogReading
{
    private readonly CheckedUtf8Reader _text;
    private readonly IEnumerator<DelimitedRow> _rows;
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerCount;
    private readonly CatalogColumnMap _map;
    private readonly (string Name, int Index)[] _attributes;

    private DelimitedCatalogReading(string path, CatalogFormat format, CatalogReadOptions options, long length,
        CheckedUtf8Reader text, IEnumerator<DelimitedRow> rows, string[] header, Dictionary<string, int> columns, CatalogColumnMap map)
        : base(path, format, options, length)
    {
        _text = text;
        _rows = rows;
        _headerCount = header.Length;
        _columns = columns;
        _map = map;
        _attributes = AttributeColumns(header, columns);
    }

    /// <summary>
    /// Every column no product field reads is a custom attribute, named after its header (<see cref="AttributeNames.FromColumn"/>):
    /// a shop's <c>Size</c>, <c>Material</c> or <c>In stock</c> column needs no mapping.
    /// </summary>
    private static (string Name, int Index)[] AttributeColumns(string[] header, Dictionary<string, int> columns)
    {
        var used = columns.Values.ToHashSet();
        return header.Select((h, i) => (Name: AttributeNames.FromColumn(h), Index: i)).Where(c => !used.Contains(c.Index)).ToArray();
    }

    public override long BytesRead => Math.Min(_text.BytesConsumed, Length);

    public static Task<CatalogReading> OpenAsync(string path, CatalogFormat format, CatalogReadOptions options, long length, CancellationToken cancellationToken)
    {
        // The report is made by the base constructor, after the header is read; invalid lines met while reading the
        // header are held here and handed over then.
        var early = new List<int>();
        DelimitedCatalogReading? reading = null;
        var text = new CheckedUtf8Reader(CatalogFiles.OpenRead(path), line =>
        {
            if (reading is null) early.Add(line);
            else reading.Report.InvalidUtf8Line(line);
        });
        IEnumerator<DelimitedRow>? rows = null;
        try
        {
            var name = format.ToString().ToUpperInvariant();
            rows = DelimitedRows.Read(text, format == CatalogFormat.Csv, cancellationToken).GetEnumerator();
            if (!rows.MoveNext())
                throw new CatalogException($"Catalog '{path}' is empty: a {name} catalog needs a header line naming its columns.");
            var header = rows.Current;
            if (header.Problem is not null)
                throw new CatalogException($"Catalog '{path}' has a header line that is not {name} ({header.Where}: {header.Problem}).");
            var map = options.Columns ?? CatalogColumnMap.Esci;
            var columns = Resolve(path, header.Fields, map, options);
            reading = new DelimitedCatalogReading(path, format, options, length, text, rows, header.Fields, columns, map);
            foreach (var line in early) reading.Report.InvalidUtf8Line(line);
            return Task.FromResult<CatalogReading>(reading);
        }
        catch
        {
            rows?.Dispose();
            text.Dispose();
            throw;
        }
    }

    /// <summary>Finds each field's column (names compared without case); an id, a title, a mapped column or the locale to filter on must be there.</summary>
    private static Dictionary<string, int> Resolve(string path, string[] header, CatalogColumnMap map, CatalogReadOptions options)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in CatalogColumnMap.Keys)
        {
            var name = map.ColumnFor(key);
            var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                columns[key] = index;
                continue;
            }
            var needed = key is "id" or "title" || map.IsExplicit(key) || (key == "locale" && options.Locale is not null);
            if (needed)
            {
                var why = map.IsExplicit(key) ? $"mapped from '{key}'" : key == "locale" ? "needed to keep one locale" : $"the {key}";
                throw new CatalogException($"Catalog '{path}' has no column '{name}' ({why}); its header has: {string.Join(", ", header)}.");
            }
        }
        return columns;
    }

    private protected override async IAsyncEnumerable<Product> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield(); // the rows are read synchronously from here on; the caller's thread is released first
        while (_rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ToProduct(_rows.Current) is { } product && Accept(product)) yield return product;
        }
    }

    private Product? ToProduct(DelimitedRow row)
    {
        Report.LinesRead++;
        if (row.Problem is not null)
        {
            Report.Skip(row.Line, Spanned(row, row.Problem));
            return null;
        }
        if (row.Fields.Length != _headerCount)
        {
            Report.Skip(row.Line, Spanned(row, $"{row.Fields.Length} fields where the header has {_headerCount}"));
            return null;
        }
        return new CatalogRecord
        {
            Id = Cell(row, "id"),
            Title = Cell(row, "title"),
            Description = Cell(row, "description"),
            BulletPoints = Cell(row, "bullets"),
            Brand = Cell(row, "brand"),
            Color = Cell(row, "color"),
            Locale = Cell(row, "locale"),
            Price = Cell(row, "price"),
            Rating = Cell(row, "rating"),
            RatingCount = Cell(row, "rating_count"),
            Categories = CatalogValues.Categories(Cell(row, "category")),
            ImageUrl = Cell(row, "image_url"),
            Attributes = _attributes.Select(a => (a.Name, Value: AttributeValue.FromText(row.Fields[a.Index]))).Where(a => a.Value is not null).Select(a => (a.Name, a.Value!)).ToArray(),
        }.ToProduct(row.Line, Report, _map.ColumnFor);
    }

    /// <summary>The reason, saying which lines the row covers when it is more than one (they are all skipped with it).</summary>
    private static string Spanned(DelimitedRow row, string reason) => row.LastLine > row.Line ? $"{reason} (the row covers {row.Where})" : reason;

    private string? Cell(DelimitedRow row, string key) =>
        _columns.TryGetValue(key, out var index) ? CatalogValues.Text(row.Fields[index]) : null;

    public override ValueTask DisposeAsync()
    {
        _rows.Dispose();
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
