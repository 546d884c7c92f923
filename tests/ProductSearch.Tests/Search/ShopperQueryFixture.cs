using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>A small catalog in three languages, indexed once with the hashing embedder, for the shopper-query tests.</summary>
public sealed class ShopperQueryFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public static readonly (string Id, string Title, string Brand, string Locale)[] Products =
    [
        ("s1", "Lumora Girls' White Canvas Sneakers", "Lumora", "us"),
        ("s2", "Aria Women's Leather Sneakers, White", "Aria", "us"),
        ("s3", "Trailwise Running Sneakers for Men", "Trailwise", "us"),
        ("d1", "Forgeline Cordless Drill Driver, 20V", "Forgeline", "us"),
        ("d2", "Forgeline Cordless Drill with Two Batteries", "Forgeline", "us"),
        ("d3", "Petalstep Girls' Party Dress, Pink", "Petalstep", "us"),
        ("m1", "Beamline Projector X100, 1080p", "Beamline", "us"),
        ("m2", "Beamline Projector X101, 4K", "Beamline", "us"),
        ("k1", "Homely Kitchen Tea Towels, 6 Pack", "Homely", "us"),
        ("k2", "Homely Kitchen Tray, Bamboo", "Homely", "us"),
        ("k3", "Homely Kitchen Tower Rack", "Homely", "us"),
        ("t1", "Softwear Cotton T-Shirt, Black", "Softwear", "us"),
        ("e1", "Zapatos blancos de lona para niña", "Lumora", "es"),
        ("e2", "Taladro inalámbrico con dos baterías", "Forgeline", "es"),
        ("j1", "女の子の白いスニーカー", "Lumora", "jp"),
        ("j2", "コードレスドリル 20V", "Forgeline", "jp"),
    ];

    public ShopperQueryFixture()
    {
        IndexPath = _temp.File("index");
        using (var writer = IndexWriter.Open(IndexPath, new HashingEmbedder(), "hashing-test"))
            writer.Write(Products.Select(p => new Product { Id = p.Id, Title = p.Title, Brand = p.Brand, Locale = p.Locale }),
                new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        Engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = IndexPath, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new HashingEmbedder());
    }

    public string IndexPath { get; }

    public SearchEngine Engine { get; }

    /// <summary>The ids BM25 alone finds for <paramref name="query"/>, best first.</summary>
    public string[] Bm25(string query, bool typos = true, bool completeLastWord = true, string? locale = null) =>
        Engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25, K = 20, TypoTolerance = typos, CompleteLastWord = completeLastWord, Locale = locale })
            .Hits.Select(h => h.Product.Id).ToArray();

    public void Dispose()
    {
        Engine.Dispose();
        _temp.Dispose();
    }
}
