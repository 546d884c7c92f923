using System.Runtime.CompilerServices;
using nietras.SeparatedValues;

namespace ProductSearch.Catalog;

/// <summary>
/// A CSV or TSV catalog with a header line, parsed by Sep (RFC 4180 quoting: a quoted field may hold the
/// separator, doubled quotes and line breaks). A <see cref="CatalogColumnMap"/> says which column holds which
/// field. Rows whose field count differs from the header's are skipped, as are rows without an id or a title.
/// </summary>
internal sealed class DelimitedCatalogReading : CatalogReading
{
    private readonly CheckedUtf8Reader _text;
    private readonly SepReader _sep;
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerCount;
    private readonly string _idColumn;
    private readonly string _titleColumn;

    private DelimitedCatalogReading(string path, CatalogFormat format, CatalogReadOptions options, long length,
        CheckedUtf8Reader text, SepReader sep, Dictionary<string, int> columns, CatalogColumnMap map)
        : base(path, format, options, length)
    {
        _text = text;
        _sep = sep;
        _columns = columns;
        _headerCount = sep.Header.ColNames.Count;
        _idColumn = map.ColumnFor("id");
        _titleColumn = map.ColumnFor("title");
    }

    public override long BytesRead => Math.Min(_text.BytesConsumed, Length);

    public static async Task<CatalogReading> OpenAsync(string path, char separator, CatalogFormat format, CatalogReadOptions options,
        long length, CancellationToken cancellationToken)
    {
        // The report is made by the base constructor, after the header is read; invalid lines met while reading the
        // header (and the buffer Sep reads with it) are held here and handed over then.
        var early = new List<int>();
        DelimitedCatalogReading? reading = null;
        var text = new CheckedUtf8Reader(CatalogFiles.OpenRead(path), line =>
        {
            if (reading is null) early.Add(line);
            else reading.Report.InvalidUtf8Line(line);
        });
        try
        {
            SepReader sep;
            try
            {
                sep = await Sep.New(separator)
                    .Reader(o => o with { Unescape = true, DisableColCountCheck = true, ColNameComparer = StringComparer.OrdinalIgnoreCase })
                    .FromAsync(text, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not CatalogException)
            {
                throw new CatalogException($"Catalog '{path}' cannot be read as {format.ToString().ToUpperInvariant()}: {ex.Message}", ex);
            }
            if (sep.Header.IsEmpty)
            {
                sep.Dispose();
                throw new CatalogException($"Catalog '{path}' is empty: a {format.ToString().ToUpperInvariant()} catalog needs a header line naming its columns.");
            }
            var map = options.Columns ?? CatalogColumnMap.Esci;
            Dictionary<string, int> columns;
            try
            {
                columns = Resolve(path, sep.Header, map, options);
            }
            catch
            {
                sep.Dispose();
                throw;
            }
            reading = new DelimitedCatalogReading(path, format, options, length, text, sep, columns, map);
            foreach (var line in early) reading.Report.InvalidUtf8Line(line);
            return reading;
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Finds each field's column; an id, a title, a mapped column or the locale to filter on must be there.</summary>
    private static Dictionary<string, int> Resolve(string path, SepReaderHeader header, CatalogColumnMap map, CatalogReadOptions options)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in CatalogColumnMap.Keys)
        {
            var name = map.ColumnFor(key);
            if (header.TryIndexOf(name, out var index))
            {
                columns[key] = index;
                continue;
            }
            var needed = key is "id" or "title" || map.IsExplicit(key) || (key == "locale" && options.Locale is not null);
            if (needed)
            {
                var why = map.IsExplicit(key) ? $"mapped from '{key}'" : key == "locale" ? "needed to keep one locale" : $"the {key}";
                throw new CatalogException($"Catalog '{path}' has no column '{name}' ({why}); its header has: {string.Join(", ", header.ColNames)}.");
            }
        }
        return columns;
    }

    private protected override async IAsyncEnumerable<Product> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = _sep.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await rows.MoveNextAsync().ConfigureAwait(false))
            {
                if (ToProduct(rows.Current) is { } product && Accept(product)) yield return product;
            }
        }
        finally
        {
            await rows.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Product? ToProduct(SepReader.Row row)
    {
        Report.LinesRead++;
        var line = row.LineNumberFrom;
        if (row.ColCount != _headerCount)
        {
            Report.Skip(line, $"{row.ColCount} fields where the header has {_headerCount}");
            return null;
        }
        var id = Cell(row, "id")?.Trim();
        var title = Cell(row, "title")?.Trim();
        if (id is null) { Report.Skip(line, "no " + _idColumn); return null; }
        if (title is null) { Report.SkipEmptyTitle(line, _titleColumn); return null; }
        return new Product
        {
            Id = id,
            Title = title,
            Description = Cell(row, "description"),
            BulletPoints = Cell(row, "bullets"),
            Brand = Cell(row, "brand"),
            Color = Cell(row, "color"),
            Locale = Cell(row, "locale"),
            Price = CatalogValues.Price(CatalogValues.Number(Cell(row, "price"))),
            Rating = CatalogValues.Number(Cell(row, "rating")),
            RatingCount = CatalogValues.Count(CatalogValues.Number(Cell(row, "rating_count"))),
            Categories = CatalogValues.Categories(Cell(row, "category")),
            ImageUrl = Cell(row, "image_url"),
        };
    }

    private string? Cell(SepReader.Row row, string key) =>
        _columns.TryGetValue(key, out var index) ? CatalogValues.Text(row[index].ToString()) : null;

    public override ValueTask DisposeAsync()
    {
        _sep.Dispose();
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
