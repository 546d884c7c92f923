namespace ProductSearch.Tests.Support;

/// <summary>Made-up judgments on <see cref="SmallCatalog"/>, for the commands that tune or train on judged queries.</summary>
internal static class SmallCatalogJudgments
{
    /// <summary>
    /// One query per product (its title after the brand, three words), the product Exact and its theme's others
    /// Substitute; the first <paramref name="notIndexed"/> queries also judge a product the catalog does not have
    /// (<c>absent0</c>…), one each.
    /// </summary>
    public static string Write(string path, int queries, int notIndexed = 0)
    {
        var products = SmallCatalog.Products;
        var lines = new List<string> { "query_id\tquery\tproduct_id\tesci_label" };
        for (var q = 0; q < queries; q++)
        {
            var product = products[q % products.Length];
            var words = string.Join(' ', product.Title.Split(' ').Skip(1 + q / products.Length).Take(3)).ToLowerInvariant();
            lines.Add($"q{q}\t{words}\t{product.Id}\tE");
            lines.AddRange(products.Where(p => p.Id != product.Id && p.Id[0] == product.Id[0]).Select(p => $"q{q}\t{words}\t{p.Id}\tS"));
            if (q < notIndexed) lines.Add($"q{q}\t{words}\tabsent{q}\tE");
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
