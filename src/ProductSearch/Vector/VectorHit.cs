namespace ProductSearch.Vector;

/// <summary>One nearest-neighbour result.</summary>
/// <param name="Key">The key the vector was added under.</param>
/// <param name="Distance">Distance to the query under the index metric; smaller is closer.</param>
public readonly record struct VectorHit(ulong Key, float Distance);
