namespace ProductSearch.Catalog;

/// <summary>A category of the catalog and how many products it holds.</summary>
/// <param name="Category">The category's name as the catalog gives it ("Home &amp; Kitchen").</param>
/// <param name="Products">Products whose category path includes it at that level.</param>
public sealed record CategoryCount(string Category, long Products);
