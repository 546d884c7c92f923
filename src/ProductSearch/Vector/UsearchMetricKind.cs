namespace ProductSearch.Vector;

/// <summary>Mirror of <c>usearch_metric_kind_t</c> from <c>c/usearch.h</c> (a C enum, so 4 bytes).</summary>
internal enum UsearchMetricKind
{
    Unknown = 0,
    Cosine = 1,
    InnerProduct = 2,
    L2Squared = 3,
    Haversine = 4,
    Divergence = 5,
    Pearson = 6,
    Jaccard = 7,
    Hamming = 8,
    Tanimoto = 9,
    Sorensen = 10,
}
