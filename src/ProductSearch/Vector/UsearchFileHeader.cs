namespace ProductSearch.Vector;

/// <summary>
/// Checks an index file before handing it to <c>usearch_load</c>, so a wrong file fails with a message naming
/// the path and the mismatching values instead of loading into an index that later answers nonsense.
/// </summary>
internal static unsafe class UsearchFileHeader
{
    /// <summary>Throws <see cref="VectorIndexException"/> unless <paramref name="path"/> holds an index compatible with <paramref name="options"/>.</summary>
    /// <returns>The metric the file's graph was built with (for cosine: native cosine, or inner product over unit vectors).</returns>
    public static UsearchMetricKind Validate(string path, HnswOptions options)
    {
        UsearchInitOptions stored = default;
        nint error = 0;
        UsearchNative.usearch_metadata(path, &stored, &error);
        UsearchError.ThrowIfSet(error, "reading the index header (the file is not a USearch index or is damaged)", path);

        if (stored.Dimensions != (nuint)options.Dimensions)
        {
            throw new VectorIndexException(
                $"Index file '{path}' stores {stored.Dimensions}-dimensional vectors, " +
                $"but HnswOptions.Dimensions is {options.Dimensions}.");
        }

        var expected = UsearchInitOptions.ToNative(options.Metric);
        var cosineAsInnerProduct = options.Metric == VectorMetric.Cosine && stored.MetricKind == UsearchMetricKind.InnerProduct;
        if (stored.MetricKind != expected && !cosineAsInnerProduct)
        {
            var storedName = stored.MetricKind == UsearchMetricKind.InnerProduct
                ? "InnerProduct (or Cosine, which is stored as inner product over unit vectors)"
                : stored.MetricKind.ToString();
            throw new VectorIndexException(
                $"Index file '{path}' was built with metric {storedName}, but HnswOptions.Metric is {options.Metric}.");
        }

        var storage = UsearchInitOptions.ScalarOf(options.Storage);
        if (stored.Quantization != storage)
        {
            throw new VectorIndexException(
                $"Index file '{path}' stores its vectors as {stored.Quantization}, but HnswOptions.Storage is {options.Storage}.");
        }

        if (stored.Multi != 0)
        {
            throw new VectorIndexException(
                $"Index file '{path}' allows several vectors per key, which this index does not support.");
        }

        return stored.MetricKind;
    }
}
