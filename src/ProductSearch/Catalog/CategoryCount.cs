namespace ProductSearch.Catalog;

/// <summary>A category of the catalog and how many products it holds.</summary>
/// <param name="Category">The category's name as the catalog gives it ("Home &amp; Kitchen").</param>
/// <param name="Products">Products whose category path includes it at that level.</param>
public sealed record CategoryCount(string Category, long Products);

/// <summary>The order a department menu lists categories in, for one index's counts and for a sharded index's summed ones alike.</summary>
internal static class CategoryCounts
{
    /// <summary><paramref name="counts"/> with each category's counts summed, most products first, then by name (ordinal).</summary>
    public static IReadOnlyList<CategoryCount> MostProductsFirst(this IEnumerable<CategoryCount> counts) => counts
        .GroupBy(c => c.Category, StringComparer.Ordinal)
        .Select(g => g.Count() == 1 ? g.First() : new CategoryCount(g.Key, g.Sum(c => c.Products)))
        .OrderByDescending(c => c.Products).ThenBy(c => c.Category, StringComparer.Ordinal)
        .ToArray();
}
