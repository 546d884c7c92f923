using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// The writer's overlapped stages (plan, embed, graph, stores): a product read again in the next batch, while the
/// first one's store writes are still pending, and a failure in a stage running beside the others.
/// </summary>
public sealed class WritePipelineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Index => _temp.File("index");

    private IndexCommitReport Write(ITextEmbedder embedder, SyncMode mode, int batchSize, params (string Id, string Title)[] products)
    {
        using var writer = IndexWriter.Open(Index, embedder, "hashing-test", new IndexWriterOptions { BatchSize = batchSize });
        return writer.Write(products.Select(p => new Product { Id = p.Id, Title = p.Title, Price = 10m }), new CatalogReadReport { Path = "test" }, mode);
    }

    /// <summary>
    /// A stored product changed in two consecutive batches, and a new one read twice, keep one key each and the last
    /// text: the second batch is planned before the first one's store writes, and sees them.
    /// </summary>
    [Fact]
    public void A_product_read_again_in_the_next_batch_keeps_its_key_and_its_last_text()
    {
        Write(new HashingEmbedder(), SyncMode.Mirror, 256, ("a", "red shoes"), ("b", "green hat"));
        var report = Write(new HashingEmbedder(), SyncMode.Upsert, 1, ("a", "blue shoes"), ("a", "yellow boots"), ("c", "wool scarf"), ("c", "silk scarf"));

        Assert.Equal((1, 3, 2, 3L), (report.Added, report.Updated, report.DuplicateIds, report.Manifest.ProductCount));
        var verified = IndexVerifier.Verify(Index);
        Assert.True(verified.IsConsistent, string.Join("; ", verified.Problems));
        Assert.Equal((3L, 3L, 3L), (verified.StoreCount, verified.LexicalCount, verified.VectorCount));
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = Index }, new HashingEmbedder());
        Assert.Equal("yellow boots", engine.GetProduct("a")!.Title);
        Assert.Equal("silk scarf", engine.GetProduct("c")!.Title);
        Assert.Equal("a", engine.Search(new SearchRequest { Query = "yellow boots", Mode = SearchMode.Dense, K = 1 }).Hits.Single().Product.Id);
        Assert.Empty(engine.Search(new SearchRequest { Query = "blue", Mode = SearchMode.Bm25 }).Hits);
    }

    /// <summary>
    /// The embedder failing on a later batch, while earlier batches are in the graph and the stores, fails the write with
    /// its own exception and commits nothing: the previous commit is intact, and the next writer succeeds.
    /// </summary>
    [Fact]
    public void A_stage_failing_mid_write_surfaces_once_and_commits_nothing()
    {
        Write(new HashingEmbedder(), SyncMode.Mirror, 256, ("a", "red shoes"), ("b", "green hat"));
        var products = Enumerable.Range(0, 40).Select(i => ($"p{i}", $"cotton shirt {i}")).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => Write(new FailingEmbedder(failOnCall: 4), SyncMode.Mirror, 5, products));
        Assert.Equal("the model failed on call 4", error.Message);

        var verified = IndexVerifier.Verify(Index);
        Assert.True(verified.IsConsistent, string.Join("; ", verified.Problems));
        Assert.Equal((1L, 2L), (verified.Manifest!.Generation, verified.Manifest.ProductCount));
        var next = Write(new HashingEmbedder(), SyncMode.Mirror, 5, products);
        Assert.Equal((40, 2, 40L), (next.Added, next.Deleted, next.Manifest.ProductCount));
        Assert.True(IndexVerifier.Verify(Index).IsConsistent);
    }

    /// <summary>A first build that fails in a stage leaves no index behind.</summary>
    [Fact]
    public void A_first_build_failing_mid_write_leaves_no_index()
    {
        var products = Enumerable.Range(0, 40).Select(i => ($"p{i}", $"cotton shirt {i}")).ToArray();
        Assert.Throws<InvalidOperationException>(() => Write(new FailingEmbedder(failOnCall: 3), SyncMode.Mirror, 5, products));
        Assert.False(File.Exists(Path.Combine(Index, "manifest.json")));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A <see cref="HashingEmbedder"/> that throws on its n-th call.</summary>
    private sealed class FailingEmbedder(int failOnCall) : ITextEmbedder
    {
        private readonly HashingEmbedder _inner = new();
        private int _calls;
        public string ModelName => _inner.ModelName;
        public string ModelSha256 => _inner.ModelSha256;
        public int Dimensions => _inner.Dimensions;
        public string ActiveDevice => "cpu";
        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == failOnCall
                ? throw new InvalidOperationException($"the model failed on call {failOnCall}")
                : _inner.Embed(texts, purpose, cancellationToken);
        public void Dispose() { }
    }
}
