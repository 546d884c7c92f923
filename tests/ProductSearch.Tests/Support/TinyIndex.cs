using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Tests.Support;

/// <summary>
/// Small indexes written with the <see cref="HashingEmbedder"/> (no model to load: tens of milliseconds each), for
/// the tests that damage, fill or lock an index and then check what every reader and writer makes of it.
/// </summary>
internal static class TinyIndex
{
    public const string ModelSource = "hashing-test";

    public static readonly HashingEmbedder Embedder = new();

    /// <summary>Products <c>t0</c>… with titles built from a few words, enough for BM25 and HNSW to find something.</summary>
    public static Product[] Products(int count, string titlePrefix = "") => Enumerable.Range(0, count).Select(i => new Product
    {
        Id = "t" + i,
        Title = $"{titlePrefix}{SyntheticCatalog.Adjectives[i % SyntheticCatalog.Adjectives.Length]} {SyntheticCatalog.Nouns[i % SyntheticCatalog.Nouns.Length]} {i}",
        Brand = SyntheticCatalog.Brand(i),
        Color = SyntheticCatalog.Colors[i % SyntheticCatalog.Colors.Length],
        Price = 10 + i,
    }).ToArray();

    /// <summary>Writes <paramref name="products"/> into the index at <paramref name="path"/> in one commit.</summary>
    public static IndexCommitReport Write(string path, IEnumerable<Product> products, SyncMode mode = SyncMode.Upsert, bool rebuild = false)
    {
        using var writer = IndexWriter.Open(path, Embedder, ModelSource, new IndexWriterOptions { Rebuild = rebuild });
        return writer.Write(products, new CatalogReadReport { Path = "test" }, mode);
    }

    /// <summary>Builds an index of <paramref name="count"/> products at <paramref name="path"/>.</summary>
    public static IndexManifest Build(string path, int count = 40) => Write(path, Products(count), SyncMode.Mirror).Manifest;

    /// <summary>
    /// Writes exactly <paramref name="products"/> at <paramref name="path"/> and opens an engine on them that answers
    /// every search afresh (no result cache, no background refresh): the hand-made catalogs of the ranking tests.
    /// </summary>
    public static SearchEngine Serve(string path, IEnumerable<Product> products)
    {
        Write(path, products, SyncMode.Mirror);
        return SearchEngine.Open(new SearchEngineOptions { IndexPath = path, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new HashingEmbedder());
    }

    /// <summary>Opens an engine on the index with the test embedder.</summary>
    public static SearchEngine Open(string path) => SearchEngine.Open(new SearchEngineOptions { IndexPath = path }, new HashingEmbedder());
}
