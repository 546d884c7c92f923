using ProductSearch.Benchmarks.Scale;

namespace ProductSearch.Benchmarks.Tests;

public class SyntheticCatalogTests
{
    [Fact]
    public void The_same_size_gives_the_same_products_and_a_larger_catalog_starts_with_the_smaller()
    {
        // Product is a record, but its category list compares by reference, so compare what it holds.
        static string[] Rows(IEnumerable<ProductSearch.Catalog.Product> products) =>
            products.Select(p => $"{p.Id}|{p.Title}|{p.Description}|{p.Brand}|{p.Color}|{p.Price}|{p.Rating}|{p.RatingCount}|{string.Join('>', p.Categories)}").ToArray();
        var first = Rows(SyntheticCatalog.Products(500));
        var again = Rows(SyntheticCatalog.Products(500));
        var larger = Rows(SyntheticCatalog.Products(800).Take(500));
        Assert.Equal(first, again);
        Assert.Equal(first, larger);
    }

    [Fact]
    public void Products_have_unique_ids_and_varied_titles_with_their_brand_first()
    {
        var products = SyntheticCatalog.Products(2000).ToArray();
        Assert.Equal(products.Length, products.Select(p => p.Id).Distinct().Count());
        Assert.All(products, p => Assert.StartsWith(p.Brand!, p.Title, StringComparison.Ordinal));
        Assert.True(products.Select(p => p.Title).Distinct().Count() > 1900, "titles should rarely repeat");
        Assert.True(products.Select(p => p.Brand).Distinct().Count() > 200, "brands should be many, with a long tail");
    }

    [Fact]
    public void Queries_are_distinct_lower_case_shopper_text_over_the_catalog_vocabulary()
    {
        var queries = SyntheticCatalog.Queries(300);
        Assert.Equal(300, queries.Distinct().Count());
        Assert.All(queries, q => Assert.Equal(q.ToLowerInvariant(), q));
        Assert.All(queries, q => Assert.DoesNotContain("'", q, StringComparison.Ordinal));
        var nouns = SyntheticVocabulary.Kinds.SelectMany(k => k.Nouns).Select(n => n.ToLowerInvariant()).ToArray();
        Assert.All(queries, q => Assert.Contains(nouns, n => q.EndsWith(n, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("10k", 10_000)]
    [InlineData("100K", 100_000)]
    [InlineData("1m", 1_000_000)]
    [InlineData("2500", 2_500)]
    public void Sizes_parse_as_people_write_them(string text, int expected)
    {
        Assert.Equal(expected, ScaleSizes.Parse(text));
        Assert.Equal(expected, ScaleSizes.Parse(ScaleSizes.Format(expected)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("0")]
    [InlineData("-5k")]
    [InlineData("100g")]
    public void Bad_sizes_are_refused_with_the_value_named(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ScaleSizes.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
