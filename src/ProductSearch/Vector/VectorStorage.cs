namespace ProductSearch.Vector;

/// <summary>How the graph stores each vector.</summary>
public enum VectorStorage
{
    /// <summary>32-bit floats: exact, 4 bytes per dimension.</summary>
    F32,

    /// <summary>
    /// 16-bit floats: half the bytes per vector, a little precision traded for fewer bytes read per hop. Measured at
    /// 10k vectors: the same recall, 1.7–2.5× the searches per second; building the graph is slower (RESULTS.md).
    /// </summary>
    F16,

    /// <summary>
    /// 8-bit integers: a quarter of the bytes of <see cref="F32"/>. USearch scales each vector to unit length and then to
    /// [-127, 127] and compares by cosine, so this storage serves the <see cref="VectorMetric.Cosine"/> metric only, at a
    /// recall cost measured in RESULTS.md.
    /// </summary>
    I8,
}
