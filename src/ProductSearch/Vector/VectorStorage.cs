namespace ProductSearch.Vector;

/// <summary>How the graph stores each vector.</summary>
public enum VectorStorage
{
    /// <summary>32-bit floats: exact, 4 bytes per dimension.</summary>
    F32,

    /// <summary>
    /// 16-bit floats: half the bytes. On a graph too large for the CPU's caches a search is bound by memory reads,
    /// so this trades a little precision in the stored vectors for fewer bytes per hop.
    /// </summary>
    F16,
}
