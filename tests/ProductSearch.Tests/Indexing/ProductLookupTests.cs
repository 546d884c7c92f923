namespace ProductSearch.Tests.Indexing;

public sealed class ProductLookupTests(SmallIndexFixture index) : IClassFixture<SmallIndexFixture>
{
    [Fact]
    public async Task A_catalog_id_finds_its_product()
    {
        var product = await index.Engine.GetProductAsync("p2");
        Assert.NotNull(product);
        Assert.Equal("7Edge Marble Phone Case for Samsung Galaxy S23", product.Title);
        Assert.Equal("7Edge", product.Brand);
        Assert.Equal(19.99m, product.Price);
    }

    [Fact]
    public async Task The_duplicate_id_answers_with_the_last_occurrence()
    {
        // The fixture's catalog repeats g1 at its end without brand or color; the last occurrence is the one stored.
        var product = await index.Engine.GetProductAsync("g1");
        Assert.NotNull(product);
        Assert.Null(product.Brand);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("P2")] // ids compare exactly: case matters
    public async Task An_unknown_id_answers_null(string id) => Assert.Null(await index.Engine.GetProductAsync(id));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_id_is_refused_naming_the_parameter(string id) =>
        Assert.Equal("productId", Assert.Throws<ArgumentException>(() => index.Engine.GetProduct(id)).ParamName);

    [Fact]
    public void An_overlong_id_is_refused() =>
        Assert.Throws<ArgumentException>(() => index.Engine.GetProduct(new string('x', SearchEngine.MaxProductIdLength + 1)));

    [Fact]
    public async Task A_cancelled_lookup_throws() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.Engine.GetProductAsync("p2", new CancellationToken(canceled: true)));
}
