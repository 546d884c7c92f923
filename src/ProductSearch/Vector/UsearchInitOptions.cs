using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>
/// Mirror of <c>usearch_init_options_t</c>. Sequential layout reproduces the C padding on 64-bit targets:
/// metric_kind@0, metric@8, quantization@16, dimensions@24, connectivity@32, expansion_add@40,
/// expansion_search@48, multi@56 (a one-byte C bool), 64 bytes in all. The offsets were checked against the
/// loads in the shipped 2.26.6 <c>usearch_init</c> (disassembly), not just the header.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UsearchInitOptions
{
    public UsearchMetricKind MetricKind;

    /// <summary>Custom metric callback; always null because we only use built-in SIMD metrics.</summary>
    public nint Metric;

    /// <summary>Storage type of vectors inside the index: f32 (exact), f16 or i8 (<see cref="HnswOptions.Storage"/>).</summary>
    public UsearchScalarKind Quantization;

    public nuint Dimensions;
    public nuint Connectivity;
    public nuint ExpansionAdd;
    public nuint ExpansionSearch;

    /// <summary>C <c>bool</c>: one byte. Kept as <see cref="byte"/> so the struct stays blittable.</summary>
    public byte Multi;

    public static UsearchInitOptions From(HnswOptions options, UsearchMetricKind nativeMetric) => new()
    {
        MetricKind = nativeMetric,
        Metric = 0,
        Quantization = ScalarOf(options.Storage),
        Dimensions = (nuint)options.Dimensions,
        Connectivity = (nuint)options.Connectivity,
        ExpansionAdd = (nuint)options.ExpansionAdd,
        ExpansionSearch = (nuint)options.ExpansionSearch,
        Multi = 0, // one vector per key: Contains/Remove semantics in IVectorIndex assume it
    };

    /// <summary>The native scalar kind the graph stores vectors as.</summary>
    public static UsearchScalarKind ScalarOf(VectorStorage storage) => storage switch
    {
        VectorStorage.F16 => UsearchScalarKind.F16,
        VectorStorage.I8 => UsearchScalarKind.I8,
        _ => UsearchScalarKind.F32,
    };

    public static UsearchMetricKind ToNative(VectorMetric metric) => metric switch
    {
        VectorMetric.Cosine => UsearchMetricKind.Cosine,
        VectorMetric.InnerProduct => UsearchMetricKind.InnerProduct,
        VectorMetric.L2Squared => UsearchMetricKind.L2Squared,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unsupported vector metric."),
    };
}
