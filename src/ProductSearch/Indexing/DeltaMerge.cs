namespace ProductSearch.Indexing;

/// <summary>
/// When a store kept as a base plus a delta of what changed since (the vectors, <see cref="Vector.LayeredVectorIndex"/>;
/// the products, <see cref="Catalog.ProductStore"/>) folds its delta into a new base: once the keys changed since the
/// base (added, replaced or deleted) reach 2 % of the products, and at least 32. At 2 % a read pays for one small
/// second layer and a filter over a small set (measured in benchmarks/RESULTS.md, issue 16), and the base is rewritten
/// once per 2 % of the catalog changed.
/// </summary>
internal static class DeltaMerge
{
    /// <summary>Whether a delta of <paramref name="changedKeys"/> keys over a store of <paramref name="products"/> is due to be folded into the base.</summary>
    public static bool IsDue(long changedKeys, long products) => changedKeys >= Math.Max(FloorForTests.Value ?? 32, products / 50);

    /// <summary>Tests lower the 32-key floor of <see cref="IsDue"/> to make tiny indexes merge, in their own flow only.</summary>
    internal static readonly AsyncLocal<int?> FloorForTests = new();
}
