namespace ProductSearch.Catalog;

/// <summary>
/// An open catalog file: its products, read lazily by <see cref="ReadAsync"/>, and the <see cref="Report"/> of
/// what reading met, filled in as the products go by. Made by <see cref="CatalogReaders.OpenAsync"/>, which has
/// already checked what can be checked up front (the file, its header or schema, the column map).
/// </summary>
public abstract class CatalogReading : IAsyncDisposable
{
    private int _started;

    private protected CatalogReading(string path, CatalogFormat format, CatalogReadOptions options, long length)
    {
        Path = path;
        Format = format;
        Options = options;
        Length = length;
        Report = new CatalogReadReport { Path = path, Format = format };
    }

    /// <summary>The catalog file.</summary>
    public string Path { get; }

    /// <summary>The format it is read as.</summary>
    public CatalogFormat Format { get; }

    /// <summary>What reading has met so far; complete once <see cref="ReadAsync"/> has been enumerated to its end.</summary>
    public CatalogReadReport Report { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; }

    /// <summary>About how far into the file reading has got, in bytes (for progress; never more than <see cref="Length"/>).</summary>
    public abstract long BytesRead { get; }

    private protected CatalogReadOptions Options { get; }

    /// <summary>The products, in catalog order. One reading can be enumerated once.</summary>
    /// <exception cref="InvalidOperationException">It was enumerated before.</exception>
    public IAsyncEnumerable<Product> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) throw new InvalidOperationException($"Catalog '{Path}' is already being read; open it again to read it twice.");
        return AccountedAsync(cancellationToken);
    }

    /// <summary>The products, then the count check: every record read was accepted, skipped (reported) or left out for its locale.</summary>
    private async IAsyncEnumerable<Product> AccountedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var product in ReadCoreAsync(cancellationToken).ConfigureAwait(false)) yield return product;
        if (!Report.AccountsForEveryRecord)
            throw new InvalidOperationException($"Catalog '{Path}': {Report.LinesRead} records were read but only {Report.Accepted + Report.Skipped + Report.OtherLocale} " +
                "accounted for (accepted, skipped or of another locale); a reader lost records without reporting them.");
    }

    private protected abstract IAsyncEnumerable<Product> ReadCoreAsync(CancellationToken cancellationToken);

    /// <summary>Closes the file.</summary>
    public abstract ValueTask DisposeAsync();

    /// <summary>Counts a product that reading produced and says whether to hand it on (its locale is wanted).</summary>
    private protected bool Accept(Product product)
    {
        if (!Options.KeepsLocale(product.Locale))
        {
            Report.OtherLocale++;
            return false;
        }
        Report.Accepted++;
        return true;
    }
}
