using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace ProductSearch.Evaluation;

/// <summary>
/// Reads the official ESCI judgments, <c>shopping_queries_dataset_examples.parquet</c> (amazon-science/esci-data),
/// with its columns <c>example_id, query, query_id, product_id, product_locale, esci_label, small_version,
/// large_version, split</c>. Needs <c>query_id, query, product_id, esci_label</c>, of string or integer type (the
/// official file stores ids as int64); <c>product_locale</c>, <c>split</c> and <c>small_version</c> serve the
/// <see cref="ExamplesFilter"/>. Rows with a null or empty needed value are skipped and reported by row number
/// (1-based, over the whole file).
/// </summary>
public static class EsciExamplesParquetReader
{
    /// <summary>Reads the rows of <paramref name="path"/> that <paramref name="filter"/> keeps.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">Not a parquet file, a needed column is missing, or no row is valid.</exception>
    public static async Task<JudgmentsReader.Result> ReadAsync(string path, ExamplesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!File.Exists(path)) throw new FileNotFoundException($"Examples file '{path}' does not exist.", path);
        try
        {
            return await ReadRowsAsync(path, filter, cancellationToken);
        }
        catch (Exception ex) when (ex is not (InvalidDataException or OperationCanceledException or OutOfMemoryException))
        {
            throw new InvalidDataException($"Examples file '{path}' cannot be read as parquet: {ex.Message}", ex);
        }
    }

    private static async Task<JudgmentsReader.Result> ReadRowsAsync(string path, ExamplesFilter filter, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var fields = reader.Schema.GetDataFields();
        DataField? Field(string name, bool required) =>
            fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) is { } field ? field
            : required ? throw new InvalidDataException($"Examples file '{path}' has no '{name}' column (columns: {string.Join(", ", fields.Select(f => f.Name))}).")
            : null;
        var queryId = Field("query_id", true)!;
        var query = Field("query", true)!;
        var product = Field("product_id", true)!;
        var label = Field("esci_label", true)!;
        var locale = Field("product_locale", false);
        var split = Field("split", filter.Split is not null);
        var small = Field("small_version", filter.SmallVersionOnly);

        var builder = new JudgmentsBuilder();
        var rowBase = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var queryIds = await ReadTextAsync(group, queryId, cancellationToken);
            var queries = await ReadTextAsync(group, query, cancellationToken);
            var products = await ReadTextAsync(group, product, cancellationToken);
            var labels = await ReadTextAsync(group, label, cancellationToken);
            var locales = locale is null ? null : await ReadTextAsync(group, locale, cancellationToken);
            var splits = split is null ? null : await ReadTextAsync(group, split, cancellationToken);
            var smalls = small is null ? null : await ReadTextAsync(group, small, cancellationToken);
            for (var i = 0; i < queryIds.Length; i++)
            {
                if (!filter.Keeps(locales?[i], splits?[i], smalls?[i])) continue;
                builder.Add(rowBase + i + 1, queryIds[i], queries[i], products[i], labels[i]);
            }
            rowBase += queryIds.Length;
        }
        return builder.Build(path);
    }

    /// <summary>A column as text, whatever its physical type: ids are int64 in the official file, strings elsewhere.</summary>
    private static async Task<string?[]> ReadTextAsync(ParquetRowGroupReader group, DataField field, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[group.RowCount];
            await group.ReadAsync(field, text.AsMemory(), null, cancellationToken);
            return text;
        }
        if (type == typeof(long)) return await ReadValuesAsync<long>(group, field, cancellationToken);
        if (type == typeof(int)) return await ReadValuesAsync<int>(group, field, cancellationToken);
        if (type == typeof(short)) return await ReadValuesAsync<short>(group, field, cancellationToken);
        if (type == typeof(sbyte)) return await ReadValuesAsync<sbyte>(group, field, cancellationToken);
        if (type == typeof(byte)) return await ReadValuesAsync<byte>(group, field, cancellationToken);
        if (type == typeof(bool)) return (await ReadValuesAsync<bool>(group, field, cancellationToken)).Select(v => v is null ? null : v == "True" ? "1" : "0").ToArray();
        throw new InvalidDataException($"Column '{field.Name}' holds {type.Name} values; expected text or integers.");
    }

    private static async Task<string?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[group.RowCount];
        await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken);
        return values.Select(v => v is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null).ToArray();
    }
}
