using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>The model's configured similarity function decides the graph's distance, and dense scores are that similarity.</summary>
public sealed class SimilarityFunctionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("dot", "innerproduct")]
    [InlineData("euclidean", "l2squared")]
    [InlineData("cosine", "cosine")]
    public void A_new_index_uses_the_distance_of_the_model_s_similarity(string similarity, string metric)
    {
        var folder = new NomicLikeModelFolder(_temp.File("model"), normalize: false, similarity: similarity);
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = folder.Path, Device = ComputeDevice.Cpu, QueryCacheSize = 0 });
        var titles = new[] { "girls white shoes", "red phone case", "kitchen towel" };
        using (var writer = IndexWriter.Open(_temp.File("index"), embedder, folder.Path))
            writer.Write(titles.Select((t, i) => new Product { Id = $"p{i}", Title = t }), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        var manifest = new IndexLayout(_temp.File("index")).ReadManifest();
        Assert.Equal(metric, manifest.Hnsw.Metric);

        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = _temp.File("index"), RefreshInterval = TimeSpan.Zero },
            OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = folder.Path, Device = ComputeDevice.Cpu, QueryCacheSize = 0 }));
        var hits = engine.Search(new SearchRequest { Query = "white shoes", Mode = SearchMode.Dense, K = 3 }).Hits;
        var query = embedder.Embed(["white shoes"], EmbeddingPurpose.Query)[0];
        foreach (var hit in hits)
        {
            var document = embedder.Embed([hit.Product.Title], EmbeddingPurpose.Document)[0];
            Assert.Equal(Expected(similarity, query, document), hit.Dense!.Value.Score, 2);
        }
        Assert.Equal(hits.Select(h => h.Dense!.Value.Score).OrderDescending(), hits.Select(h => h.Dense!.Value.Score));
    }

    private static double Expected(string similarity, float[] a, float[] b)
    {
        var dot = a.Zip(b, (x, y) => (double)x * y).Sum();
        return similarity switch
        {
            "dot" => dot,
            "euclidean" => -a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum(),
            _ => dot / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x)),
        };
    }

    public void Dispose() => _temp.Dispose();
}
