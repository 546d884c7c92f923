using System.Text.Json;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>Incremental changes: only what changed is embedded and written; all three stores move together.</summary>
public sealed class IndexWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CountingEmbedder _embedder = new();

    private string Index => _temp.File("index");

    private IndexCommitReport Write(SyncMode mode, params (string Id, string Title, double Price)[] products)
    {
        using var writer = IndexWriter.Open(Index, _embedder, "hashing-test");
        var report = new CatalogReadReport { Path = "test" };
        return writer.Write(products.Select(p => new Product { Id = p.Id, Title = p.Title, Price = (decimal)p.Price }), report, mode);
    }

    [Fact]
    public void An_unchanged_catalog_embeds_and_commits_nothing()
    {
        var first = Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20));
        Assert.Equal((2, 2, 1L), (first.Added, first.Embedded, first.Manifest.Generation));
        _embedder.Texts.Clear();

        var again = Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20));
        Assert.False(again.Committed);
        Assert.Equal((0, 2, 0), (again.Embedded, again.Unchanged, _embedder.Texts.Count));
        Assert.Equal(1, again.Manifest.Generation);
    }

    [Fact]
    public void Only_products_whose_title_changed_are_embedded_again()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20), ("c", "green hat", 5));
        _embedder.Texts.Clear();
        var report = Write(SyncMode.Mirror, ("a", "red running shoes", 10), ("b", "blue shirt", 25), ("c", "green hat", 5));
        Assert.Equal((2, 1, 1), (report.Updated, report.Embedded, report.Unchanged));
        Assert.Equal(["red running shoes"], _embedder.Texts);
        using var engine = Open();
        Assert.Equal("a", engine.Search(new SearchRequest { Query = "running", Mode = SearchMode.Bm25 }).Hits.Single().Product.Id);
        Assert.Equal(25m, engine.Search(new SearchRequest { Query = "shirt", Mode = SearchMode.Bm25 }).Hits.Single().Product.Price);
        Assert.True(IndexVerifier.Verify(Index).IsConsistent);
    }

    [Fact]
    public void Mirror_deletes_what_the_catalog_lacks_and_upsert_keeps_it()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20));
        var upsert = Write(SyncMode.Upsert, ("c", "green hat", 5));
        Assert.Equal((1, 0, 3L), (upsert.Added, upsert.Deleted, upsert.Manifest.ProductCount));
        var mirror = Write(SyncMode.Mirror, ("c", "green hat", 5));
        Assert.Equal((2, 1L), (mirror.Deleted, mirror.Manifest.ProductCount));
        using var engine = Open();
        Assert.Equal(["c"], engine.Search(new SearchRequest { Query = "shoes shirt hat", K = 10 }).Hits.Select(h => h.Product.Id));
        Assert.True(IndexVerifier.Verify(Index).IsConsistent);
    }

    [Fact]
    public void Delete_removes_from_every_store_and_counts_unknown_ids()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20), ("c", "green hat", 5));
        using (var writer = IndexWriter.Open(Index, _embedder, "hashing-test"))
        {
            var report = writer.Delete(["a", "zzz", "c", "a"]);
            Assert.Equal((2, 1, 1L), (report.Deleted, report.NotFound, report.Manifest.ProductCount));
        }
        var verify = IndexVerifier.Verify(Index);
        Assert.True(verify.IsConsistent, string.Join("; ", verify.Problems));
        Assert.Equal((1L, 1L, 1L), (verify.StoreCount, verify.LexicalCount, verify.VectorCount));
        using var engine = Open();
        Assert.Equal(["b"], engine.Search(new SearchRequest { Query = "red shoes blue shirt green hat", Mode = SearchMode.Dense, K = 10 }).Hits.Select(h => h.Product.Id));
    }

    [Fact]
    public void Duplicates_in_one_run_keep_the_last_occurrence()
    {
        var report = Write(SyncMode.Mirror, ("a", "red shoes", 10), ("a", "red boots", 12));
        Assert.Equal((1, 1L), (report.DuplicateIds, report.Manifest.ProductCount));
        using var engine = Open();
        Assert.Equal("red boots", engine.Search(new SearchRequest { Query = "red" }).Hits.Single().Product.Title);
    }

    [Fact]
    public void Ids_that_differ_only_in_case_are_different_products()
    {
        var report = Write(SyncMode.Mirror, ("abc", "red shoes", 10), ("ABC", "blue shirt", 20));
        Assert.Equal((2, 0, 2L), (report.Added, report.DuplicateIds, report.Manifest.ProductCount));
        var again = Write(SyncMode.Mirror, ("abc", "red shoes", 10), ("ABC", "blue shirt", 21));
        Assert.Equal((1, 1), (again.Updated, again.Unchanged));
        using var engine = Open();
        Assert.Equal("red shoes", engine.GetProduct("abc")!.Title);
        Assert.Equal(21m, engine.GetProduct("ABC")!.Price);
        Assert.Null(engine.GetProduct("Abc"));
    }

    [Fact]
    public void A_second_writer_is_refused_naming_the_holder()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10));
        using var first = IndexWriter.Open(Index, _embedder, "hashing-test", new IndexWriterOptions { Purpose = "first writer" });
        var error = Assert.Throws<IndexLockedException>(() => IndexWriter.Open(Index, _embedder, "hashing-test"));
        Assert.Contains($"process {Environment.ProcessId}", error.Message);
        Assert.Contains("first writer", error.Message);
        first.Dispose();
        using var second = IndexWriter.Open(Index, _embedder, "hashing-test"); // released: the next writer gets in
    }

    [Fact]
    public void A_writer_with_another_model_is_refused_unless_rebuilding()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10));
        var other = new HashingEmbedder(dimensions: 32);
        var error = Assert.Throws<IncompatibleIndexException>(() => IndexWriter.Open(Index, other, "other"));
        Assert.Equal(IndexIncompatibility.OtherModel, error.Incompatibility);
        Assert.Contains("was built with model", error.Message);
        using var rebuild = IndexWriter.Open(Index, other, "other", new IndexWriterOptions { Rebuild = true });
        var report = rebuild.Write([new Product { Id = "x", Title = "lamp" }], new CatalogReadReport { Path = "t" }, SyncMode.Mirror);
        Assert.Equal((32, 1L), (report.Manifest.Model.Dimensions, report.Manifest.ProductCount));
    }

    [Fact]
    public void Verify_names_what_differs()
    {
        Write(SyncMode.Mirror, ("a", "red shoes", 10), ("b", "blue shirt", 20));
        var layout = new IndexLayout(Index);
        var manifest = layout.ReadManifest();
        layout.WriteManifest(manifest with { ProductCount = 3 });
        var report = IndexVerifier.Verify(Index);
        Assert.False(report.IsConsistent);
        Assert.Contains(report.Problems, p => p.Contains("the manifest says 3"));

        File.WriteAllBytes(layout.VectorPath(manifest.Generation), [1, 2, 3]);
        Assert.Contains(IndexVerifier.Verify(Index).Problems, p => p.Contains("vectors.usearch"));
    }

    private SearchEngine Open() => SearchEngine.Open(new SearchEngineOptions { IndexPath = Index }, new HashingEmbedder());

    public void Dispose() => _temp.Dispose();

    /// <summary>A <see cref="HashingEmbedder"/> that records what it was asked to embed.</summary>
    private sealed class CountingEmbedder : ProductSearch.Embedding.ITextEmbedder
    {
        private readonly HashingEmbedder _inner = new();
        public List<string> Texts { get; } = [];
        public string ModelName => _inner.ModelName;
        public string ModelSha256 => _inner.ModelSha256;
        public int Dimensions => _inner.Dimensions;
        public string ActiveDevice => "cpu";
        public float[][] Embed(IReadOnlyList<string> texts, ProductSearch.Embedding.EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
        {
            Texts.AddRange(texts);
            return _inner.Embed(texts, purpose, cancellationToken);
        }
        public void Dispose() { }
    }
}
