using System.Text;
using Parquet;
using Parquet.Schema;

namespace ProductSearch.Catalog;

/// <summary>Opens Parquet files with errors that name the file and the column, for catalogs and the ESCI dataset alike.</summary>
internal static class ParquetFiles
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    // Some writers store text as plain byte arrays without the UTF-8 annotation; read those as text too.
    private static readonly ParquetOptions Options = new() { TreatByteArrayAsString = true };

    /// <summary>
    /// Opens <paramref name="path"/> after checking the magic bytes <c>PAR1</c> at both ends, which tells a Parquet
    /// file from anything else (a Git LFS pointer, an HTML error page, a cut-off download) before any decoding.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="label">What the file is, for messages ("Catalog", "ESCI file").</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CatalogException">Missing, unreadable or not Parquet; the message names the file.</exception>
    public static async Task<ParquetReader> OpenAsync(string path, string label, CancellationToken cancellationToken)
    {
        var stream = CatalogFiles.OpenRead(path, label);
        try
        {
            await CheckMagicAsync(stream, path, label, cancellationToken).ConfigureAwait(false);
            try
            {
                return await ParquetReader.CreateAsync(stream, Options, leaveStreamOpen: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new CatalogException($"{label} '{path}' is not a readable Parquet file: {ex.Message}", ex);
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The top-level column <paramref name="name"/>, which must hold text.</summary>
    /// <exception cref="CatalogException">No such column, or it does not hold text; the message names the file and the column.</exception>
    public static DataField RequireText(ParquetReader reader, string path, string label, string name) =>
        FindText(reader, path, label, name) ?? throw MissingColumn(reader, path, label, name);

    private static CatalogException MissingColumn(ParquetReader reader, string path, string label, string name) =>
        new($"{label} '{path}' has no column '{name}'; its columns are: {string.Join(", ", reader.Schema.Fields.Select(f => f.Name))}.");

    /// <summary>Checks that the top-level column <paramref name="name"/> exists, whatever it holds.</summary>
    /// <exception cref="CatalogException">It does not; the message names the file and the column.</exception>
    public static void RequireColumn(ParquetReader reader, string path, string label, string name)
    {
        if (reader.Schema.Fields.All(f => f.Name != name)) throw MissingColumn(reader, path, label, name);
    }

    /// <summary>The top-level column <paramref name="name"/>, or <c>null</c> when absent.</summary>
    /// <exception cref="CatalogException">It exists but does not hold text.</exception>
    public static DataField? FindText(ParquetReader reader, string path, string label, string name)
    {
        if (reader.Schema.Fields.FirstOrDefault(f => f.Name == name) is not { } field) return null;
        // Parquet.Net reports a text column's type as string or ReadOnlyMemory<char>; either reads as strings.
        if (field is not DataField { ClrType: var type } data || (type != typeof(string) && type != typeof(ReadOnlyMemory<char>)) || data.IsArray)
            throw new CatalogException($"{label} '{path}': column '{name}' does not hold text ({field}).");
        return data;
    }

    /// <summary>Rows in the file, from its metadata.</summary>
    public static long RowCount(ParquetReader reader) => reader.RowGroups.Sum(g => g.RowCount);

    private static async Task CheckMagicAsync(FileStream stream, string path, string label, CancellationToken cancellationToken)
    {
        var head = new byte[(int)Math.Min(stream.Length, 64)];
        await stream.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        var tail = new byte[Magic.Length];
        if (stream.Length >= 12)
        {
            stream.Seek(-Magic.Length, SeekOrigin.End);
            await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        }
        stream.Seek(0, SeekOrigin.Begin);
        if (stream.Length >= 12 && head.AsSpan().StartsWith(Magic) && tail.AsSpan().SequenceEqual(Magic)) return;

        var why = head.AsSpan().StartsWith("version https://git-lfs"u8)
            ? "it is a Git LFS pointer, not the data"
            : !head.AsSpan().StartsWith(Magic) ? $"it does not start with the magic bytes PAR1 (it starts with \"{Printable(head)}\")"
            : "it does not end with the magic bytes PAR1: the file is cut short";
        throw new CatalogException($"{label} '{path}' is not a Parquet file: {why}.");
    }

    private static string Printable(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 16));
        return new string(text.Select(c => char.IsControl(c) || c == '\uFFFD' ? '.' : c).ToArray());
    }
}
