using System.Runtime.CompilerServices;

namespace ProductSearch.Catalog;

/// <summary>A JSON Lines catalog, read line by line with <see cref="JsonlCatalogReader.Parse"/>.</summary>
internal sealed class JsonlCatalogReading : CatalogReading
{
    private readonly CheckedUtf8Reader _reader;

    public JsonlCatalogReading(string path, CatalogReadOptions options, long length)
        : base(path, CatalogFormat.Jsonl, options, length)
    {
        _reader = new CheckedUtf8Reader(CatalogFiles.OpenRead(path), Report.InvalidUtf8Line);
    }

    public override long BytesRead => _reader.BytesConsumed;

    private protected override async IAsyncEnumerable<Product> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            Report.LinesRead++;
            if (JsonlCatalogReader.Parse(line, _reader.LineNumber, Report) is { } product && Accept(product)) yield return product;
        }
    }

    public override ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}
