using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Found by the long fuzz run and the damage run: a product handed in with a lone surrogate in its text aborted the
/// whole commit inside LiteDB (EncoderFallbackException), and a manifest with a field flipped to nonsense reached the
/// writer as an ArgumentNullException. Both are the engine's own answers now.
/// </summary>
public sealed class WellFormedInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_lone_surrogate_in_a_product_is_stored_as_U_FFFD_and_the_commit_goes_through()
    {
        var index = _temp.File("index");
        var report = TinyIndex.Write(index, [new Product { Id = "a\uD800", Title = "lamp \uDC00 shade", Brand = "x\uD800" }, new Product { Id = "b", Title = "mug" }], SyncMode.Mirror);
        Assert.Equal(2, report.Manifest.ProductCount);
        using var engine = TinyIndex.Open(index);
        var hit = engine.Search(new SearchRequest { Query = "lamp shade" }).Hits.First(h => h.Product.Id.StartsWith('a'));
        Assert.Equal(("a\uFFFD", "lamp \uFFFD shade"), (hit.Product.Id, hit.Product.Title));
    }

    [Theory]
    [InlineData("\"metric\": \"cosine\"", "\"metric\": null")]
    [InlineData("\"dimensions\": 64", "\"dimensions\": 0")]
    [InlineData("\"generation\": 1", "\"generation\": -1")]
    public void A_manifest_with_a_field_out_of_range_is_damage_named_by_every_reader_and_writer(string field, string broken)
    {
        var index = _temp.File("index");
        TinyIndex.Build(index);
        var layout = new IndexLayout(index);
        var text = File.ReadAllText(layout.ManifestPath);
        Assert.Contains(field, text);
        File.WriteAllText(layout.ManifestPath, text.Replace(field, broken, StringComparison.Ordinal));

        Assert.Contains("not a valid manifest", Assert.ThrowsAny<IndexException>(() => TinyIndex.Write(index, TinyIndex.Products(2, "changed "))).Message);
        Assert.Contains("not a valid manifest", Assert.ThrowsAny<IndexException>(() => TinyIndex.Open(index)).Message);
        Assert.Contains(IndexVerifier.Verify(index).Problems, p => p.Contains("not a valid manifest"));
    }

    public void Dispose() => _temp.Dispose();
}
